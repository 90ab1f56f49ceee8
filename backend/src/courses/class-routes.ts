// /api/classes: an instructor's classes (create, read, change, rotate the join code, the policy
// per module, the roster) and a student leaving. Another instructor's class is a 404.
import {
  type ClassCreate,
  ClassCreateSchema,
  ClassIdParamsSchema,
  type ClassListOut,
  ClassModuleParamsSchema,
  type ClassOut,
  type ClassStudentsOut,
  ClassStudentParamsSchema,
  type ClassUpdate,
  ClassUpdateSchema,
  type ModulePolicy,
  ModulePolicySchema,
} from '@tutor/shared/courses';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';
import { notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import {
  classForStaff,
  classOut,
  createClass,
  rotateJoinCode,
  setModulePolicy,
  teachingClasses,
  updateClass,
} from './class-store';
import { memberClasses, removeMember, roster, toStudentOut } from './members';
import { INSTRUCTORS_ONLY, requireRole, roleOf } from './roles';

type ClassParams = { id: string };
const params = { params: zodSchema(ClassIdParamsSchema, 422) };

/** The class of `:id` for its owner or an admin; 404 for anyone else. */
export const staffClass =
  (db: Database) => async (request: FastifyRequest<{ Params: ClassParams }>) => {
    const user = { id: request.user.id, role: await roleOf(db, request.user.id) };
    return classForStaff(db, user, request.params.id);
  };

export async function classRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const staff = staffClass(db);
  app.addHook('onRequest', app.authenticate);

  app.post<{ Body: ClassCreate }>(
    '/api/classes',
    {
      preHandler: requireRole(db, ['instructor', 'admin'], INSTRUCTORS_ONLY),
      schema: { body: zodSchema(ClassCreateSchema, 422) },
    },
    async (request, reply): Promise<ClassOut> => {
      reply.status(201);
      return createClass(db, request.user.id, request.body);
    },
  );

  app.get('/api/classes', async (request): Promise<ClassListOut> => {
    const user = { id: request.user.id, role: await roleOf(db, request.user.id) };
    const [teaching, memberOf] = await Promise.all([
      teachingClasses(db, user),
      memberClasses(db, user.id),
    ]);
    return { teaching, member_of: memberOf };
  });

  app.get<{ Params: ClassParams }>(
    '/api/classes/:id',
    { schema: params },
    async (request): Promise<ClassOut> => classOut(db, await staff(request)),
  );

  app.patch<{ Params: ClassParams; Body: ClassUpdate }>(
    '/api/classes/:id',
    { schema: { ...params, body: zodSchema(ClassUpdateSchema, 422) } },
    async (request): Promise<ClassOut> => updateClass(db, await staff(request), request.body),
  );

  app.post<{ Params: ClassParams }>(
    '/api/classes/:id/join-code',
    { schema: params },
    async (request): Promise<ClassOut> => rotateJoinCode(db, await staff(request)),
  );

  await app.register(rosterRoutes);
}

/** The policy per module, the roster, and a student leaving. */
async function rosterRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const staff = staffClass(db);

  app.put<{ Params: ClassParams & { module_id: string }; Body: ModulePolicy }>(
    '/api/classes/:id/modules/:module_id/policy',
    {
      schema: {
        params: zodSchema(ClassModuleParamsSchema, 422),
        body: zodSchema(ModulePolicySchema, 422),
      },
    },
    async (request): Promise<ClassOut> =>
      setModulePolicy(db, await staff(request), request.params.module_id, request.body),
  );

  app.get<{ Params: ClassParams }>(
    '/api/classes/:id/students',
    { schema: params },
    async (request): Promise<ClassStudentsOut> => {
      const row = await staff(request);
      return { students: (await roster(db, row.id)).map(toStudentOut) };
    },
  );

  app.delete<{ Params: ClassParams & { user_id: string } }>(
    '/api/classes/:id/students/:user_id',
    { schema: { params: zodSchema(ClassStudentParamsSchema, 422) } },
    async (request, reply) => {
      const row = await staff(request);
      if (!(await removeMember(db, row.id, request.params.user_id)))
        throw notFound('Student not found in this class');
      reply.status(204).send();
    },
  );

  app.delete<{ Params: ClassParams }>(
    '/api/classes/:id/membership',
    { schema: params },
    async (request, reply) => {
      if (!(await removeMember(db, request.params.id, request.user.id)))
        throw notFound('You are not a member of this class');
      reply.status(204).send();
    },
  );
}
