import type { FastifyInstance } from 'fastify';
import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountExportSchema,
  PASSWORD_RESET_REQUESTED,
  PASSWORD_RESET_TTL_MINUTES,
} from '@tutor/shared/account';
import { passwordResetTokens, users } from '../../src/auth/schema';
import { INVALID_RESET_LINK } from '../../src/auth/password-resets';
import { setRole } from '../../src/auth/users-store';
import { useFakeAi } from '../chat/fake-ai';
import { closeCodeOf, connect } from '../chat/socket-client';
import { createTestApp } from '../helpers/test-app';
import { notebook, seededModuleId } from '../progress/helpers';
import {
  bearer,
  createAuthTestApp,
  login,
  refresh,
  refreshCookieOf,
  register,
  uniqueRegistration,
} from './helpers';
import { type SmtpCatcher, startSmtpCatcher } from './smtp-catcher';

const PUBLIC_URL = 'http://tutor.test:8000';
const EX1 = 'm1-ex1-create-arrays';
const NEW_PASSWORD = 'a fresh and long passphrase';

/** A student registered through the API, with the access token already used once. */
async function signedIn(app: FastifyInstance) {
  const body = uniqueRegistration();
  const response = await register(app, body);
  expect(response.statusCode).toBe(201);
  const accessToken: string = response.json().access_token;
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(accessToken) });
  expect(me.statusCode).toBe(200);
  return {
    ...body,
    id: me.json().id as string,
    accessToken,
    headers: bearer(accessToken),
    refreshToken: refreshCookieOf(response),
  };
}
type Student = Awaited<ReturnType<typeof signedIn>>;

/** The rows of a raw query (the result's shape is the driver's: both drivers have `rows`). */
async function query<Row>(app: FastifyInstance, statement: SQL): Promise<Row[]> {
  return ((await app.database.db.execute(statement)) as unknown as { rows: Row[] }).rows;
}

/**
 * Every column that ties a row to a user: foreign keys to users (whatever their name) and any
 * column named user_id, read from the catalogue so that a table added later is checked too.
 */
async function userColumns(app: FastifyInstance): Promise<{ table: string; column: string }[]> {
  const rows = await query<{ table: string; column: string }>(
    app,
    sql`
    select distinct c.conrelid::regclass::text as "table", a.attname as "column"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
     where c.contype = 'f' and c.confrelid = 'users'::regclass
    union
    select distinct table_name, column_name from information_schema.columns
     where table_schema = 'public' and column_name = 'user_id'
    union select 'users', 'id'`,
  );
  return rows.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

/** Rows per `table.column` that belong to the user, plus the messages of their sessions. */
async function rowsOf(app: FastifyInstance, userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await userColumns(app)) {
    const [row] = await query<{ n: number }>(
      app,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${userId}`,
    );
    counts[`${table}.${column}`] = row!.n;
  }
  const [messages] = await query<{ n: number }>(
    app,
    sql`select count(*)::int as n from chat_messages m join chat_sessions s on s.id = m.session_id
         where s.user_id = ${userId}`,
  );
  counts['chat_messages (through chat_sessions)'] = messages!.n;
  return counts;
}

describe("a student's own data and a forgotten password", () => {
  let smtp: SmtpCatcher;
  let app: FastifyInstance;
  let moduleId: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    app = await createAuthTestApp({
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'Tutor <tutor@tutor.test>', PUBLIC_URL },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    moduleId = await seededModuleId(app, 1);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  /** Progress, a check result, a chat and a tutor conversation, all through the real routes. */
  async function withData(student: Student, code: string) {
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: student.headers,
      payload: { notebook_state: notebook(code) },
    });
    expect(saved.statusCode).toBe(200);
    const checked = await app.inject({
      method: 'POST',
      url: `/api/progress/${moduleId}/check-results`,
      headers: student.headers,
      payload: { exercise_id: EX1, passed: false, message: `❌ Not yet: ${code}` },
    });
    expect(checked.statusCode).toBe(200);
    useFakeAi(app);
    for (const path of [
      `/ws/chat?token=${student.accessToken}`,
      `/ws/tutor?token=${student.accessToken}&module_id=${moduleId}`,
    ]) {
      const socket = await connect(app, path);
      const events = await socket.turn({ content: `How do I invert a matrix? (${code})` });
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      await socket.close();
    }
  }

  const exportOf = (student: Student) =>
    app.inject({ method: 'GET', url: '/api/auth/me/export', headers: student.headers });
  const deleteAccount = (student: Student, payload: unknown) =>
    app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      headers: student.headers,
      payload: payload as object,
    });

  describe('Download my data', () => {
    it('holds the profile, every module with its notebook and checks, and every conversation', async () => {
      const [student, other] = [await signedIn(app), await signedIn(app)];
      await withData(student, 'x = "mine"');
      await withData(other, 'y = "theirs"');

      const response = await exportOf(student);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="numerical-tutor-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const data = AccountExportSchema.parse(response.json());
      expect(data.profile).toMatchObject({ id: student.id, email: student.email });
      expect(data.modules).toHaveLength(1);
      expect(data.modules[0]).toMatchObject({
        module_id: moduleId,
        status: 'in_progress',
        notebook_version: 1,
        notebook: notebook('x = "mine"'),
      });
      expect(data.modules[0]!.exercises).toEqual([
        expect.objectContaining({
          exercise_id: EX1,
          title: expect.any(String),
          runs: 1,
          last_passed: false,
          last_message: '❌ Not yet: x = "mine"',
        }),
      ]);
      expect(data.chat_sessions.map((s) => s.session_type).sort()).toEqual(['general', 'tutor']);
      for (const session of data.chat_sessions) {
        expect(session.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
        expect(session.messages[0]!.content).toBe('How do I invert a matrix? (x = "mine")');
      }
      expect(data.chat_sessions.find((s) => s.session_type === 'tutor')!.module_id).toBe(moduleId);
      // Nothing of the other student's, and never a password hash.
      expect(response.body).not.toContain('theirs');
      const [row] = await app.database.db.select().from(users).where(eq(users.id, student.id));
      expect(response.body).not.toContain(row!.passwordHash);
      expect(response.body).not.toContain('password');
    });

    it('holds the classes a student joined and the classes an instructor teaches', async () => {
      const [student, teacher] = [await signedIn(app), await signedIn(app)];
      await setRole(app.database.db, { id: teacher.id }, 'instructor');
      const created = await app.inject({
        method: 'POST',
        url: '/api/classes',
        headers: teacher.headers,
        payload: { name: 'Numerics 101', module_ids: [moduleId] },
      });
      expect(created.statusCode).toBe(201);
      const { join_code: code } = created.json() as { join_code: string };
      const joined = await app.inject({
        method: 'POST',
        url: `/api/join/${code}`,
        headers: student.headers,
      });
      expect(joined.statusCode).toBe(200);

      const mine = AccountExportSchema.parse((await exportOf(student)).json());
      expect(mine.classes).toEqual([expect.objectContaining({ name: 'Numerics 101' })]);
      expect(mine.classes_taught).toEqual([]);
      expect(JSON.stringify(mine)).not.toContain(code);
      const theirs = AccountExportSchema.parse((await exportOf(teacher)).json());
      expect(theirs.classes_taught).toEqual([
        expect.objectContaining({ name: 'Numerics 101', join_code: code, student_count: 1 }),
      ]);
    });

    it('of a new student is the profile and nothing else; it needs a token', async () => {
      const student = await signedIn(app);
      const data = AccountExportSchema.parse((await exportOf(student)).json());
      expect(data).toMatchObject({
        modules: [],
        classes: [],
        classes_taught: [],
        tutor_error_types: [],
        chat_sessions: [],
      });
      const anonymous = await app.inject({ method: 'GET', url: '/api/auth/me/export' });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('Delete my account', () => {
    it('deletes every row of the user, ends their tokens at once and leaves others alone', async () => {
      const [student, other] = [await signedIn(app), await signedIn(app)];
      await withData(student, 'x = 1');
      await withData(other, 'y = 2');
      const before = await rowsOf(app, student.id);
      // The test means something only if the user had rows in the tables that matter.
      for (const key of [
        'users.id',
        'refresh_tokens.user_id',
        'user_module_progress.user_id',
        'exercise_progress.user_id',
        'chat_sessions.user_id',
        'chat_messages (through chat_sessions)',
      ])
        expect(before[key], key).toBeGreaterThan(0);
      const othersBefore = await rowsOf(app, other.id);

      const response = await deleteAccount(student, { password: student.password });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'deleted' });
      expect(response.cookies.find((c) => c.name === 'refresh_token')?.value).toBe('');

      const after = await rowsOf(app, student.id);
      expect(after).toEqual(Object.fromEntries(Object.keys(before).map((key) => [key, 0])));
      expect(await rowsOf(app, other.id)).toEqual(othersBefore);

      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: student.headers });
      expect(me.statusCode).toBe(401);
      expect(me.json().error.message).toBe('Account no longer exists');
      expect(await closeCodeOf(app, `/ws/chat?token=${student.accessToken}`)).toMatchObject({
        code: 4001,
      });
      expect((await refresh(app, student.refreshToken)).statusCode).toBe(401);
      expect((await login(app, student.email, student.password)).statusCode).toBe(401);
      expect((await exportOf(other)).json().modules).toHaveLength(1);
    });

    for (const [name, payload, message] of [
      ['a wrong password', { password: 'not my password' }, 'Password is incorrect'],
      ['no password', {}, 'password: Password is required'],
      ['an empty password', { password: '' }, 'password: Password is required'],
    ] as const) {
      it(`with ${name} answers 400 and deletes nothing`, async () => {
        const student = await signedIn(app);
        await withData(student, 'z = 3');
        const before = await rowsOf(app, student.id);
        const response = await deleteAccount(student, payload);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.message).toContain(message);
        expect(response.json().error.fields).toEqual(['password']);
        expect(await rowsOf(app, student.id)).toEqual(before);
        const me = await app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: student.headers,
        });
        expect(me.statusCode).toBe(200);
      });
    }

    it('needs a token', async () => {
      const response = await app.inject({
        method: 'DELETE',
        url: '/api/auth/me',
        payload: { password: 'whatever it is' },
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('Forgot password', () => {
    const requestReset = (email: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email } as object,
      });
    const confirm = (payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: payload as object,
      });
    const passwordHashOf = async (id: string) =>
      (await app.database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash;

    /** Asks for a link and reads it from the mail the SMTP server received. */
    async function mailedLink(email: string): Promise<{ link: URL; token: string }> {
      const response = await requestReset(email.toUpperCase());
      expect(response.statusCode).toBe(202);
      const mail = await smtp.nextMailTo(email);
      expect(mail.from).toBe('tutor@tutor.test');
      expect(mail.subject).toBe('Reset your Numerical Tutor password');
      expect(mail.text).toContain(`within ${PASSWORD_RESET_TTL_MINUTES} minutes`);
      const found = /(\S+\/reset-password\?token=\S+)/.exec(mail.text);
      expect(found, mail.text).not.toBeNull();
      const link = new URL(found![1]!);
      expect(link.origin).toBe(PUBLIC_URL);
      return { link, token: link.searchParams.get('token')! };
    }

    it('mails a link that sets the password once and ends every session of the account', async () => {
      const student = await signedIn(app);
      const { link, token } = await mailedLink(student.email);
      expect(link.pathname).toBe('/reset-password');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only the hash is stored.
      const [stored] = await app.database.db
        .select()
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.userId, student.id));
      expect(stored!.tokenHash).not.toContain(token);
      expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

      const done = await confirm({ token, new_password: NEW_PASSWORD });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toEqual({ status: 'ok' });

      expect((await login(app, student.email, NEW_PASSWORD)).statusCode).toBe(200);
      expect((await login(app, student.email, student.password)).statusCode).toBe(401);
      expect((await refresh(app, student.refreshToken)).statusCode).toBe(401);
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: student.headers });
      expect(me.statusCode).toBe(401);

      const hash = await passwordHashOf(student.id);
      const again = await confirm({ token, new_password: 'yet another long passphrase' });
      expect(again.statusCode).toBe(400);
      expect(again.json().error).toMatchObject({ message: INVALID_RESET_LINK, fields: ['token'] });
      expect(await passwordHashOf(student.id)).toBe(hash);
    });

    it('answers an unknown email exactly as a known one, and mails nothing', async () => {
      const unknown = `nobody-${Date.now()}@example.com`;
      const response = await requestReset(unknown);
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual(PASSWORD_RESET_REQUESTED);
      const student = await signedIn(app);
      const known = await requestReset(student.email);
      expect(known.statusCode).toBe(202);
      expect(known.body).toBe(response.body);
      // Requests are handled in order: once the later one's mail is here, the earlier was handled.
      await smtp.nextMailTo(student.email);
      expect(smtp.mailsTo(unknown)).toEqual([]);
    });

    it('a new request leaves the earlier link working; using one ends both', async () => {
      const student = await signedIn(app);
      const first = await mailedLink(student.email);
      const second = await mailedLink(student.email);
      expect(second.token).not.toBe(first.token);
      expect((await confirm({ token: first.token, new_password: NEW_PASSWORD })).statusCode).toBe(
        200,
      );
      const later = await confirm({ token: second.token, new_password: 'yet another passphrase' });
      expect(later.statusCode).toBe(400);
      expect((await login(app, student.email, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses an expired link and changes nothing', async () => {
      const student = await signedIn(app);
      const { token } = await mailedLink(student.email);
      await app.database.db
        .update(passwordResetTokens)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(passwordResetTokens.userId, student.id));
      const hash = await passwordHashOf(student.id);
      const response = await confirm({ token, new_password: NEW_PASSWORD });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toBe(INVALID_RESET_LINK);
      expect(await passwordHashOf(student.id)).toBe(hash);
      expect((await refresh(app, student.refreshToken)).statusCode).toBe(200);
    });

    it('refuses bad inputs with a clear message, changes nothing, and the link still works', async () => {
      const student = await signedIn(app);
      const { token } = await mailedLink(student.email);
      const hash = await passwordHashOf(student.id);
      for (const [payload, status, message, field] of [
        [{ new_password: NEW_PASSWORD }, 400, 'token: The reset token is missing', 'token'],
        [{ token: '', new_password: NEW_PASSWORD }, 400, 'The reset token is missing', 'token'],
        [{ token: 'x'.repeat(43), new_password: NEW_PASSWORD }, 400, INVALID_RESET_LINK, 'token'],
        [{ token }, 400, 'New password is required', 'new_password'],
        [{ token, new_password: 'short' }, 400, 'at least 8 characters', 'new_password'],
        // Long enough, but guessable (the same rule as registration).
        [{ token, new_password: 'password1234' }, 400, 'New password', 'new_password'],
        [{ token, new_password: student.email }, 400, 'New password', 'new_password'],
      ] as const) {
        const response = await confirm(payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(status);
        expect(response.json().error.message).toContain(message);
        expect(response.json().error.fields).toEqual([field]);
      }
      for (const email of [undefined, 'not an email', 'x'.repeat(250) + '@example.com']) {
        const response = await requestReset(email);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toEqual(['email']);
      }
      expect(await passwordHashOf(student.id)).toBe(hash);
      expect((await refresh(app, student.refreshToken)).statusCode).toBe(200);
      expect((await confirm({ token, new_password: NEW_PASSWORD })).statusCode).toBe(200);
    });
  });
});

describe('limits on deleting an account and on reset requests', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // No SMTP_URL: the links are logged (to a silent logger here).
    app = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => app.close());

  const requestReset = (email: string, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
      remoteAddress,
    });

  it('limits reset requests per email (from any address) and per address', async () => {
    const email = `limited-${Date.now()}@example.com`;
    expect((await requestReset(email, '10.0.0.1')).statusCode).toBe(202);
    expect((await requestReset(email, '10.0.0.2')).statusCode).toBe(202);
    const perEmail = await requestReset(email, '10.0.0.3');
    expect(perEmail.statusCode).toBe(429);
    expect(perEmail.json().error.message).toMatch(
      /^Too many attempts\. Try again in \d+ seconds\.$/,
    );

    expect((await requestReset('a@example.com', '10.0.0.9')).statusCode).toBe(202);
    expect((await requestReset('b@example.com', '10.0.0.9')).statusCode).toBe(202);
    expect((await requestReset('c@example.com', '10.0.0.9')).statusCode).toBe(429);
  });

  it('limits password guesses on account deletion per user', async () => {
    const registered = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: uniqueRegistration(),
      remoteAddress: '10.0.1.1',
    });
    const headers = bearer(registered.json().access_token);
    const attempt = (remoteAddress: string) =>
      app.inject({
        method: 'DELETE',
        url: '/api/auth/me',
        headers,
        payload: { password: 'a wrong guess' },
        remoteAddress,
      });
    expect((await attempt('10.0.1.2')).statusCode).toBe(400);
    expect((await attempt('10.0.1.3')).statusCode).toBe(400);
    expect((await attempt('10.0.1.4')).statusCode).toBe(429);
  });
});
