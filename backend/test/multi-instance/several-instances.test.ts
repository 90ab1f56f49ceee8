// Two real server processes on one PostgreSQL database and one Redis, behind Debian's nginx, as
// the README's "Several instances" section deploys them. PostgreSQL only (PGlite belongs to one
// process); skipped with a message when nginx or Redis is missing.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { type AppProcess, startAppProcess } from '../helpers/app-process';
import { type RunningNginx, nginxInstalled, NGINX_PATH, startNginx } from '../helpers/nginx';
import { testDatabaseUrl } from '../helpers/test-database';
import { notebook } from '../progress/helpers';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BUDGET = 4;

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const skipReason = !testDatabaseUrl()
  ? 'PostgreSQL only'
  : !nginxInstalled()
    ? `${NGINX_PATH} is missing (apt-get install nginx-light)`
    : !(await redisAnswers())
      ? `no Redis answers at ${REDIS_URL}`
      : undefined;
if (skipReason && testDatabaseUrl()) console.warn(`[multi-instance] skipped: ${skipReason}`);

interface Account {
  token: string;
  /** The refresh cookie, `refresh_token=…`. */
  cookie: string;
}

/** A tutor socket whose turns end on done, canned or error. */
function tutorSocket(url: string) {
  const ws = new WebSocket(url);
  const events: ChatServerEvent[] = [];
  let onEvent = () => undefined as void;
  ws.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as ChatServerEvent);
    onEvent();
  });
  const upstream = new Promise<string>((resolve, reject) => {
    ws.once('upgrade', (response) => resolve(String(response.headers['x-upstream'])));
    ws.once('error', reject);
  });
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const turn = (frame: object) =>
    new Promise<ChatServerEvent[]>((resolve, reject) => {
      const from = events.length;
      const timer = setTimeout(
        () => reject(new Error(`no end of turn: ${JSON.stringify(events.slice(from))}`)),
        20_000,
      );
      onEvent = () => {
        const end = events.findIndex(
          (event, i) => i >= from && ['done', 'canned', 'error'].includes(event.type),
        );
        if (end === -1) return;
        clearTimeout(timer);
        resolve(events.slice(from, end + 1));
      };
      ws.send(JSON.stringify(frame));
    });
  return { ws, upstream, opened, closed, turn };
}

describe.skipIf(skipReason)('several instances behind nginx', () => {
  const keyPrefix = `tutor-test-${randomUUID()}:`;
  let instances: AppProcess[] = [];
  let a: AppProcess;
  let b: AppProcess;
  let nginx: RunningNginx;
  let moduleId: string;

  const api = async (origin: string, path: string, init: RequestInit & { token?: string } = {}) => {
    const { token, ...rest } = init;
    return fetch(origin + path, {
      ...rest,
      headers: {
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...rest.headers,
      },
    });
  };

  const register = async (): Promise<Account> => {
    const suffix = randomUUID().slice(0, 8);
    const response = await api(nginx.origin, '/api/auth/register', {
      method: 'POST',
      body: JSON.stringify({
        email: `multi-${suffix}@example.com`,
        username: `multi_${suffix}`,
        password: `Quartz-${randomUUID()}`,
      }),
    });
    expect(response.status).toBe(201);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('refresh_token='))!;
    return { token, cookie: cookie.split(';')[0]! };
  };

  beforeAll(async () => {
    const env = {
      DATABASE_URL: testDatabaseUrl()!,
      REDIS_URL: `${REDIS_URL}?keyPrefix=${keyPrefix}`,
      CHAT_MESSAGES_PER_MINUTE: String(BUDGET),
    };
    // Both start at once (their migrations take turns under the advisory lock); whichever started
    // is stopped in afterAll even if the other did not.
    const started = await Promise.allSettled(
      ['A', 'B'].map((name) => startAppProcess({ name, env, timeoutMs: 150_000 })),
    );
    instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = instances as [AppProcess, AppProcess];
    nginx = await startNginx({ upstreams: [a.address, b.address], exposeUpstream: true });
    const student = await register();
    const modules = (await (
      await api(nginx.origin, '/api/modules', { token: student.token })
    ).json()) as {
      id: string;
    }[];
    moduleId = modules[0]!.id;
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...instances.map((instance) => instance.kill()), nginx?.stop()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('a save through A and a stale save through B: 409, and the stored notebook is A’s', async () => {
    const student = await register();
    const save = (origin: string, code: string) =>
      api(origin, `/api/progress/${moduleId}`, {
        method: 'PUT',
        token: student.token,
        body: JSON.stringify({ notebook_state: notebook(code), base_version: 0 }),
      });
    expect((await save(a.origin, 'from A')).status).toBe(200);
    const stale = await save(b.origin, 'stale from B');
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'conflict', current_version: 1 } });
    const stored = (await (
      await api(b.origin, `/api/progress/${moduleId}`, { token: student.token })
    ).json()) as { version: number; notebook_state: unknown };
    expect(stored).toMatchObject({ version: 1, notebook_state: notebook('from A') });
  });

  it('a logout on A ends the access token on B at once', async () => {
    const student = await register();
    expect((await api(b.origin, '/api/auth/me', { token: student.token })).status).toBe(200);
    const logout = await api(a.origin, '/api/auth/logout', {
      method: 'POST',
      headers: { cookie: student.cookie },
    });
    expect(logout.status).toBe(200);
    expect((await api(b.origin, '/api/auth/me', { token: student.token })).status).toBe(401);
    expect((await api(a.origin, '/api/auth/me', { token: student.token })).status).toBe(401);
  });

  // Last: it kills the instance the socket is on.
  it('a socket on an instance that dies continues its session on the other, budget and all', async () => {
    const student = await register();
    const url = `${nginx.origin.replace('http', 'ws')}/ws/tutor?module_id=${moduleId}&token=${student.token}`;
    const first = tutorSocket(url);
    const upstream = await first.upstream;
    await first.opened;
    const [dying, surviving] = upstream === a.address ? [a, b] : [b, a];

    const opening = await first.turn({
      content: 'How do I compute the determinant of a 3x3 matrix with numpy?',
    });
    const session = opening[0] as Extract<ChatServerEvent, { type: 'session' }>;
    expect(session).toMatchObject({ type: 'session', continued: false });
    const followUp = await first.turn({
      content: 'I still do not understand, can you give me another hint?',
      session_id: session.session_id,
    });
    const levelBefore = followUp.at(-1) as Extract<ChatServerEvent, { type: 'done' }>;
    expect(levelBefore.type).toBe('done');

    await dying.kill();
    expect(await first.closed).not.toBe(1000);

    // The client reconnects through nginx (which skips the dead instance) and names its session.
    const second = tutorSocket(url);
    expect(await second.upstream).toBe(surviving.address);
    await second.opened;
    const resumed = await second.turn({
      content: 'Can you give me one more hint on that?',
      session_id: session.session_id,
    });
    expect(resumed[0]).toMatchObject({
      type: 'session',
      session_id: session.session_id,
      continued: true,
      hint_level: levelBefore.hint_level,
    });
    const after = resumed.at(-1) as Extract<ChatServerEvent, { type: 'done' }>;
    expect(after.type).toBe('done');
    expect(after.hint_level).toBeGreaterThanOrEqual(levelBefore.hint_level);

    const history = (await (
      await api(nginx.origin, `/api/chat/sessions/${session.session_id}/messages`, {
        token: student.token,
      })
    ).json()) as { role: string; content: string }[];
    expect(history.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);

    // Two messages went through the dead instance, two through this one: the budget of 4 is spent.
    expect(
      (await second.turn({ content: 'And for a 4x4 matrix?', session_id: session.session_id })).at(
        -1,
      ),
    ).toMatchObject({ type: 'done' });
    expect(
      await second.turn({ content: 'And a 5x5 one?', session_id: session.session_id }),
    ).toEqual([
      {
        type: 'error',
        message: expect.stringMatching(/^You have sent 4 messages in the last minute\. Wait \d+ s/),
      },
    ]);
    second.ws.close();
  });
});
