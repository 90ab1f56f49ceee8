// /api/admin/*: the admin page (find users, make them instructors or students again). Admins
// themselves are managed from the command line (see cli/).
import {
  type AdminUserOut,
  type AdminUsersOut,
  type AdminUsersQuery,
  AdminUsersQuerySchema,
  type RoleUpdate,
  RoleUpdateSchema,
  UserIdParamsSchema,
} from '@tutor/shared/courses';
import { asc, eq, ilike, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type User, users } from '../auth/schema';
import { setRole } from '../auth/users-store';
import { conflict, notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { ADMINS_ONLY, requireRole } from './roles';

const adminUserColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  role: users.role,
  createdAt: users.createdAt,
};

const toAdminUser = (
  user: Pick<User, 'id' | 'email' | 'username' | 'role' | 'createdAt'>,
): AdminUserOut => ({
  id: user.id,
  email: user.email,
  username: user.username,
  role: user.role,
  created_at: user.createdAt.toISOString(),
});

/** `%`, `_` and `\` typed in the search box are matched as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', requireRole(db, ['admin'], ADMINS_ONLY));

  app.get<{ Querystring: AdminUsersQuery }>(
    '/api/admin/users',
    { schema: { querystring: zodSchema(AdminUsersQuerySchema, 422) } },
    async (request): Promise<AdminUsersOut> => {
      const { query, limit } = request.query;
      const text = query.trim();
      const pattern = likePattern(text);
      const rows = await db
        .select(adminUserColumns)
        .from(users)
        .where(text ? or(ilike(users.email, pattern), ilike(users.username, pattern)) : undefined)
        .orderBy(asc(users.email))
        .limit(limit);
      return { users: rows.map(toAdminUser) };
    },
  );

  app.put<{ Params: { user_id: string }; Body: RoleUpdate }>(
    '/api/admin/users/:user_id/role',
    {
      schema: {
        params: zodSchema(UserIdParamsSchema, 422),
        body: zodSchema(RoleUpdateSchema, 422),
      },
    },
    async (request): Promise<AdminUserOut> => {
      const [target] = await db
        .select(adminUserColumns)
        .from(users)
        .where(eq(users.id, request.params.user_id));
      if (!target) throw notFound('User not found');
      if (target.role === 'admin')
        throw conflict('Administrators are managed from the command line');
      const saved = await setRole(db, { id: target.id }, request.body.role);
      return toAdminUser(saved ?? target);
    },
  );
}
