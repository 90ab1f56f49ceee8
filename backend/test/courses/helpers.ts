// Shared steps of the courses tests: users with a role, a class made through the routes, joining.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { users } from '../../src/auth/schema';
import type { ClassOut } from '@tutor/shared/courses';
import { buildUser, type TestUser } from '../helpers/factories';

export async function buildInstructor(
  app: FastifyInstance,
  role: 'instructor' | 'admin' = 'instructor',
) {
  const user = await buildUser(app);
  await app.database.db.update(users).set({ role }).where(eq(users.id, user.user.id));
  return user;
}

export async function createClass(
  app: FastifyInstance,
  owner: TestUser,
  body: Record<string, unknown>,
): Promise<ClassOut> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/classes',
    headers: owner.headers,
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`create class: ${response.body}`);
  return response.json();
}

export async function join(app: FastifyInstance, student: TestUser, code: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/join/${code}`,
    headers: student.headers,
  });
  if (response.statusCode !== 200) throw new Error(`join: ${response.body}`);
}

export async function setPolicy(
  app: FastifyInstance,
  owner: TestUser,
  classId: string,
  moduleId: string,
  policy: Record<string, unknown>,
) {
  const response = await app.inject({
    method: 'PUT',
    url: `/api/classes/${classId}/modules/${moduleId}/policy`,
    headers: owner.headers,
    payload: {
      max_hint_level: 5,
      tutor_enabled: true,
      tutor_off_from: null,
      tutor_off_until: null,
      ...policy,
    },
  });
  if (response.statusCode !== 200) throw new Error(`policy: ${response.body}`);
  return response.json() as ClassOut;
}
