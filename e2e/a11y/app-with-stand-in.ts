/**
 * A second instance of the built app whose tutor is an "OpenAI" vendor played by the LLM stand-in
 * (backend/test/helpers/llm-stand-in.ts, the vendor's real streaming format): the answer is then a
 * fixed text chosen by the spec, and everything between the vendor and the page (the server's AI
 * SDK provider, the chat pipeline, the WebSocket, the page's markdown and maths) is the real thing.
 * The suite's own server keeps the offline tutor, so this one runs beside it on a port of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLlmStandIn, type LlmStandIn } from '../../backend/test/helpers/llm-stand-in';

export interface AppWithStandIn {
  baseURL: string;
  standIn: LlmStandIn;
  /** The server's output, for a failure message. */
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app did not answer /health within 60 s:\n${output()}`);
}

/** Starts the stand-in (answering every tutor request with `reply`) and the app that uses it. */
export async function startAppWithStandIn(reply: string): Promise<AppWithStandIn> {
  const standIn = await startLlmStandIn();
  standIn.script('openai', { reply });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tutor-e2e-stand-in-'));
  const testJupyterLite = 'jupyterlite/dist-test';
  const child = spawn(process.execPath, ['backend/dist/server.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOG_FILE: '',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      LLM_PROVIDERS: 'openai',
      OPENAI_API_KEY: 'sk-e2e-stand-in',
      OPENAI_BASE_URL: standIn.baseUrl,
      LLM_MAX_RETRIES: '0',
      ...(existsSync(testJupyterLite) ? { JUPYTERLITE_DIR: testJupyterLite } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log.slice(-4000);
  const baseURL = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, child, output);
  } catch (error) {
    await close();
    throw error;
  }
  return { baseURL, standIn, output, close };
}
