import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards API and socket traffic to the Fastify server (`npm run dev` starts both
// with the same environment, so the server's PORT is followed unless API_PORT says otherwise).
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? process.env.PORT ?? '8000'}`;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/ws': { target: apiTarget, ws: true, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // frontend/public/jupyterlite (20+ MB) is served by the Fastify server straight from public/,
    // so it is not copied into dist; in dev Vite serves public/ itself.
    copyPublicDir: false,
    sourcemap: true,
  },
});
