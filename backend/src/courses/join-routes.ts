// /api/join/{code}: a student previews and joins a class through its join link. Codes are
// 128 random bits; failed lookups are still limited per user and per address (429).
import { JoinCodeParamsSchema, type JoinOut, type JoinPreviewOut } from '@tutor/shared/courses';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { users } from '../auth/schema';
import { AppError, notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { joinGuessLimit } from './join-guesses';
import { addMember, membership, moduleRefsOf } from './members';
import { classes } from './schema';

const UNKNOWN_CODE = 'This join link is not valid. Ask your instructor for a new one.';
const closed = () => new AppError(410, 'gone', 'This class is not accepting new students');

type CodeParams = { code: string };

export async function joinRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const guesses = joinGuessLimit(app);

  /** The class of a join code, or 404 (counted as a guess). */
  const classOfCode = async (request: FastifyRequest<{ Params: CodeParams }>) => {
    await guesses.refuseIfBlocked(request);
    const [found] = await db
      .select({
        id: classes.id,
        name: classes.name,
        joiningOpen: classes.joiningOpen,
        conversationsVisible: classes.conversationsVisible,
        instructorName: users.username,
      })
      .from(classes)
      .innerJoin(users, eq(users.id, classes.ownerId))
      .where(eq(classes.joinCode, request.params.code));
    if (!found) {
      await guesses.countFailure(request);
      throw notFound(UNKNOWN_CODE);
    }
    return found;
  };
  const params = { params: zodSchema(JoinCodeParamsSchema, 422) };

  app.addHook('onRequest', app.authenticate);

  app.get<{ Params: CodeParams }>(
    '/api/join/:code',
    { schema: params },
    async (request): Promise<JoinPreviewOut> => {
      const found = await classOfCode(request);
      const [member, modules] = await Promise.all([
        membership(db, found.id, request.user.id),
        moduleRefsOf(db, [found.id]),
      ]);
      if (!found.joiningOpen && !member) throw closed();
      return {
        class_id: found.id,
        name: found.name,
        instructor_name: found.instructorName,
        modules: modules.get(found.id) ?? [],
        conversations_visible: found.conversationsVisible,
        joining_open: found.joiningOpen,
        already_member: member !== undefined,
      };
    },
  );

  app.post<{ Params: CodeParams }>(
    '/api/join/:code',
    { schema: params },
    async (request): Promise<JoinOut> => {
      const found = await classOfCode(request);
      if (!found.joiningOpen) {
        if (!(await membership(db, found.id, request.user.id))) throw closed();
      } else {
        await addMember(db, found.id, request.user.id);
      }
      return { class_id: found.id, name: found.name };
    },
  );
}
