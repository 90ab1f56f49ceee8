// Debian's nginx as the load balancer in front of several app instances, for the multi-instance
// test and `npm run bench -- chat-nginx`: a generated configuration in a temporary directory, run
// in the foreground as a child process. Kept free of Vitest, like build-test-app.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_PATH = '/usr/sbin/nginx';

export const nginxInstalled = (): boolean => existsSync(NGINX_PATH);

/** A free TCP port on 127.0.0.1 (free when asked: bind it soon). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** Resolves once something accepts connections on 127.0.0.1:`port`. */
export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface NginxConfigOptions {
  /** Where nginx listens (127.0.0.1). */
  port: number;
  /** The instances, `host:port`. */
  upstreams: string[];
  /** Tests: answer which instance served a request in an `X-Upstream` header. */
  exposeUpstream?: boolean;
}

/**
 * The configuration the README's "Several instances" section describes: round robin over the
 * instances (no sticky sessions: any instance serves any request and socket), WebSocket upgrades
 * passed through, long read timeouts for sockets (the app pings every 25 s), and a request that
 * finds its instance down retried on the next one.
 */
export function nginxConfig(options: NginxConfigOptions): string {
  const servers = options.upstreams.map((address) => `    server ${address};`).join('\n');
  return `${process.getuid?.() === 0 ? 'user nobody nogroup;\n' : ''}worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream tutor {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${options.port};
    client_max_body_size 6m;
    location / {
      proxy_pass http://tutor;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
      proxy_next_upstream error timeout http_502 http_503;
${options.exposeUpstream ? '      add_header X-Upstream $upstream_addr always;\n' : ''}    }
  }
}
`;
}

export interface RunningNginx {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

/** Starts nginx in front of `upstreams` and resolves once it accepts connections. */
export async function startNginx(options: Omit<NginxConfigOptions, 'port'>): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-nginx-'));
  // Workers run as nobody when the master is root: they need to reach the temporary directories.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ ...options, port }));
  const child: ChildProcess = spawn(
    NGINX_PATH,
    [
      '-e',
      'stderr',
      '-p',
      dir,
      '-c',
      conf,
      '-g',
      `daemon off; pid ${dir}/nginx.pid; error_log stderr;`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitForPort(port, 10_000),
      exited.then(() => {
        throw new Error(`nginx exited: ${stderr.trim()}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin: `http://127.0.0.1:${port}`, stop };
}
