import { z } from 'zod';
import { ExerciseStateSchema } from './exercise-progress';

/**
 * Classes and instructors (issue 20): the REST shapes of `/api/admin/*`, `/api/classes/*`,
 * `/api/join/*`, `/api/modules/{id}/policy` and `/api/policy`, shared by server and browser.
 * snake_case on the wire; errors use the app's error shape (`ApiErrorBody`).
 *
 * Roles: every user is a `student` by default; admins (made from the command line,
 * `npm run admin -- grant-admin <email>`) make users instructors. An instructor owns classes; a
 * student joins a class through its join link (`/join/<code>`).
 *
 * A help policy per class and module: the highest hint level (4 = never a full solution), the
 * tutor on or off (off always, or only inside a window such as an exam), and per class general chat
 * on or off. Where several classes of a student use a module, the strictest wins.
 */

export const ROLES = ['student', 'instructor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The roles the admin page may set; admins are managed from the command line. */
export const AssignableRoleSchema = z.enum(['student', 'instructor'], {
  error: 'must be "student" or "instructor"',
});

export const CLASS_NAME_MAX_CHARS = 100;
export const CLASS_MODULES_MAX = 50;
export const HINT_LEVEL_MIN = 1;
export const HINT_LEVEL_MAX = 5;
/** A student with no activity for this long is marked inactive on the dashboard. */
export const INACTIVE_AFTER_DAYS = 7;

const bodyObject = {
  error: (issue: { code?: string }) =>
    issue.code === 'invalid_type' ? 'the body must be a JSON object' : undefined,
};

const uuid = z.guid({ error: 'must be a UUID' });

export const ClassNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(CLASS_NAME_MAX_CHARS, { error: `must be at most ${CLASS_NAME_MAX_CHARS} characters` });

export const ClassModuleIdsSchema = z
  .array(uuid, { error: 'must be a list of module ids' })
  .min(1, { error: 'must hold at least one module' })
  .max(CLASS_MODULES_MAX, { error: `must hold at most ${CLASS_MODULES_MAX} modules` });

// ---- Admin ---------------------------------------------------------------------------------

/** `GET /api/admin/users?query=&limit=` query string. */
export const AdminUsersQuerySchema = z.strictObject({
  query: z.string().max(255, { error: 'must be at most 255 characters' }).default(''),
  limit: z.coerce
    .number({ error: 'must be a number from 1 to 100' })
    .int({ error: 'must be a whole number from 1 to 100' })
    .min(1, { error: 'must be from 1 to 100' })
    .max(100, { error: 'must be from 1 to 100' })
    .default(50),
});
export type AdminUsersQuery = z.infer<typeof AdminUsersQuerySchema>;

export const AdminUserOutSchema = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string(),
  role: RoleSchema,
  created_at: z.string(),
});
export type AdminUserOut = z.infer<typeof AdminUserOutSchema>;

export const AdminUsersOutSchema = z.object({ users: z.array(AdminUserOutSchema) });
export type AdminUsersOut = z.infer<typeof AdminUsersOutSchema>;

/** `PUT /api/admin/users/{user_id}/role` body. */
export const RoleUpdateSchema = z.strictObject({ role: AssignableRoleSchema }, bodyObject);
export type RoleUpdate = z.infer<typeof RoleUpdateSchema>;

// ---- Classes -------------------------------------------------------------------------------

/** `POST /api/classes` body. */
export const ClassCreateSchema = z.strictObject(
  {
    name: ClassNameSchema,
    module_ids: ClassModuleIdsSchema,
    conversations_visible: z.boolean({ error: 'must be true or false' }).default(false),
    chat_enabled: z.boolean({ error: 'must be true or false' }).default(true),
  },
  bodyObject,
);
export type ClassCreateInput = z.input<typeof ClassCreateSchema>;
export type ClassCreate = z.output<typeof ClassCreateSchema>;

/** `PATCH /api/classes/{id}` body: any of these fields (at least one). */
export const ClassUpdateSchema = z
  .strictObject(
    {
      name: ClassNameSchema.optional(),
      joining_open: z.boolean({ error: 'must be true or false' }).optional(),
      conversations_visible: z.boolean({ error: 'must be true or false' }).optional(),
      chat_enabled: z.boolean({ error: 'must be true or false' }).optional(),
      module_ids: ClassModuleIdsSchema.optional(),
    },
    bodyObject,
  )
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    error: 'the body must contain at least one field to change',
  });
export type ClassUpdate = z.infer<typeof ClassUpdateSchema>;

const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date and time' })
  .nullable();

/**
 * `PUT /api/classes/{id}/modules/{module_id}/policy` body. The tutor is off always when
 * `tutor_enabled` is false and there is no window; with a window (both ends set, from < until) it is
 * off only inside the window (an exam), whatever `tutor_enabled` says.
 */
export const ModulePolicySchema = z
  .strictObject(
    {
      max_hint_level: z
        .number({ error: 'must be a number from 1 to 5' })
        .int({ error: 'must be a whole number from 1 to 5' })
        .min(HINT_LEVEL_MIN, { error: 'must be from 1 to 5' })
        .max(HINT_LEVEL_MAX, { error: 'must be from 1 to 5' }),
      tutor_enabled: z.boolean({ error: 'must be true or false' }),
      tutor_off_from: isoDateTime,
      tutor_off_until: isoDateTime,
    },
    bodyObject,
  )
  .refine((body) => (body.tutor_off_from === null) === (body.tutor_off_until === null), {
    error: 'tutor_off_from and tutor_off_until must both be set or both be null',
    path: ['tutor_off_until'],
  })
  .refine(
    (body) =>
      body.tutor_off_from === null ||
      body.tutor_off_until === null ||
      Date.parse(body.tutor_off_from) < Date.parse(body.tutor_off_until),
    { error: 'tutor_off_until must be later than tutor_off_from', path: ['tutor_off_until'] },
  );
export type ModulePolicy = z.infer<typeof ModulePolicySchema>;

export const ClassModuleOutSchema = z.object({
  module_id: z.string(),
  title: z.string(),
  max_hint_level: z.number().int().min(1).max(5),
  tutor_enabled: z.boolean(),
  tutor_off_from: z.string().nullable(),
  tutor_off_until: z.string().nullable(),
});
export type ClassModuleOut = z.infer<typeof ClassModuleOutSchema>;

/** One class as its instructor (or an admin) sees it. */
export const ClassOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  join_code: z.string(),
  /** "/join/<code>" (relative to the site). */
  join_url: z.string(),
  joining_open: z.boolean(),
  conversations_visible: z.boolean(),
  chat_enabled: z.boolean(),
  created_at: z.string(),
  modules: z.array(ClassModuleOutSchema),
  student_count: z.number().int().nonnegative(),
});
export type ClassOut = z.infer<typeof ClassOutSchema>;

const ModuleRefSchema = z.object({ module_id: z.string(), title: z.string() });
export type ModuleRef = z.infer<typeof ModuleRefSchema>;

/** A class the current user is a student of. */
export const MemberClassOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  instructor_name: z.string(),
  conversations_visible: z.boolean(),
  joined_at: z.string(),
  modules: z.array(ModuleRefSchema),
});
export type MemberClassOut = z.infer<typeof MemberClassOutSchema>;

/** `GET /api/classes`. */
export const ClassListOutSchema = z.object({
  teaching: z.array(ClassOutSchema),
  member_of: z.array(MemberClassOutSchema),
});
export type ClassListOut = z.infer<typeof ClassListOutSchema>;

/** `GET /api/classes/{id}/students`. */
export const ClassStudentOutSchema = z.object({
  user_id: z.string(),
  username: z.string(),
  email: z.string(),
  joined_at: z.string(),
  last_activity_at: z.string().nullable(),
});
export type ClassStudentOut = z.infer<typeof ClassStudentOutSchema>;
export const ClassStudentsOutSchema = z.object({ students: z.array(ClassStudentOutSchema) });
export type ClassStudentsOut = z.infer<typeof ClassStudentsOutSchema>;

/** Path parameters. Anything but a UUID gets 422. */
export const ClassIdParamsSchema = z.object({ id: uuid });
export const ClassModuleParamsSchema = z.object({ id: uuid, module_id: uuid });
export const ClassStudentParamsSchema = z.object({ id: uuid, user_id: uuid });
export const UserIdParamsSchema = z.object({ user_id: uuid });

// ---- Joining -------------------------------------------------------------------------------

/** Join codes: base64url of 16 random bytes (22 characters); anything else is unknown (404). */
export const JOIN_CODE_MIN_CHARS = 22;
export const JoinCodeParamsSchema = z.object({
  code: z.string().max(64, { error: 'is not a join code' }),
});

/** `GET /api/join/{code}`: what a student sees before joining. Closed joining is a 410. */
export const JoinPreviewOutSchema = z.object({
  class_id: z.string(),
  name: z.string(),
  instructor_name: z.string(),
  modules: z.array(ModuleRefSchema),
  conversations_visible: z.boolean(),
  joining_open: z.boolean(),
  already_member: z.boolean(),
});
export type JoinPreviewOut = z.infer<typeof JoinPreviewOutSchema>;

/** `POST /api/join/{code}` (idempotent). */
export const JoinOutSchema = z.object({ class_id: z.string(), name: z.string() });
export type JoinOut = z.infer<typeof JoinOutSchema>;

/** Failed join-code lookups allowed per user and per address in JOIN_GUESS_WINDOW_SECONDS. */
export const JOIN_GUESSES_PER_WINDOW = 10;
export const JOIN_GUESS_WINDOW_SECONDS = 10 * 60;

// ---- The effective policy ------------------------------------------------------------------

/** `GET /api/modules/{module_id}/policy`: the strictest policy of the student's classes. */
export const EffectivePolicyOutSchema = z.object({
  max_hint_level: z.number().int().min(1).max(5),
  /** Whether the tutor answers now. */
  tutor_enabled: z.boolean(),
  /** When the running off-window ends (null when none is running). */
  tutor_off_until: z.string().nullable(),
  chat_enabled: z.boolean(),
  /** Names of the classes whose policy applies. */
  classes: z.array(z.string()),
  /** E.g. "Your class allows hints up to level 4"; null when there are no limits. */
  notice: z.string().nullable(),
});
export type EffectivePolicyOut = z.infer<typeof EffectivePolicyOutSchema>;

/** `GET /api/policy`: general chat (off if any class of the student turns it off). */
export const ChatPolicyOutSchema = z.object({
  chat_enabled: z.boolean(),
  notice: z.string().nullable(),
});
export type ChatPolicyOut = z.infer<typeof ChatPolicyOutSchema>;

// ---- Dashboard -----------------------------------------------------------------------------

export const DashboardCellSchema = z.object({
  state: ExerciseStateSchema,
  runs: z.number().int().nonnegative(),
  highest_hint_level: z.number().int().nullable(),
  last_run_at: z.string().nullable(),
});
export type DashboardCell = z.infer<typeof DashboardCellSchema>;

export const DashboardExerciseSchema = z.object({
  exercise_id: z.string(),
  module_id: z.string(),
  module_title: z.string(),
  title: z.string(),
  /** Share of the class's students who passed (0..1). */
  passed_share: z.number().min(0).max(1),
  median_hint_level: z.number().nullable(),
  /** Top 3 error types from the tutor's error contexts, e.g. "ValueError: shapes not aligned". */
  common_errors: z.array(z.object({ error: z.string(), count: z.number().int().positive() })),
});
export type DashboardExercise = z.infer<typeof DashboardExerciseSchema>;

export const DashboardStudentSchema = z.object({
  user_id: z.string(),
  username: z.string(),
  last_activity_at: z.string().nullable(),
  /** No activity for INACTIVE_AFTER_DAYS days (or none at all). */
  inactive: z.boolean(),
  exercises: z.record(z.string(), DashboardCellSchema),
});
export type DashboardStudent = z.infer<typeof DashboardStudentSchema>;

/** `GET /api/classes/{id}/dashboard`. */
export const DashboardOutSchema = z.object({
  class: z.object({ id: z.string(), name: z.string() }),
  /** Always true: check results come from the students' browsers. */
  self_reported: z.literal(true),
  generated_at: z.string(),
  exercises: z.array(DashboardExerciseSchema),
  students: z.array(DashboardStudentSchema),
});
export type DashboardOut = z.infer<typeof DashboardOutSchema>;

// ---- One student's history -----------------------------------------------------------------

export const StudentExerciseOutSchema = DashboardCellSchema.extend({
  exercise_id: z.string(),
  title: z.string(),
  last_message: z.string().nullable(),
});
export type StudentExerciseOut = z.infer<typeof StudentExerciseOutSchema>;

export const StudentConversationOutSchema = z.object({
  session_id: z.string(),
  title: z.string(),
  module_id: z.string().nullable(),
  updated_at: z.string(),
  messages: z.array(
    z.object({
      role: z.string(),
      content: z.string(),
      created_at: z.string(),
      hint_level: z.number().int().nullable(),
    }),
  ),
});
export type StudentConversationOut = z.infer<typeof StudentConversationOutSchema>;

/** `GET /api/classes/{id}/students/{user_id}`. */
export const StudentHistoryOutSchema = z.object({
  student: z.object({
    user_id: z.string(),
    username: z.string(),
    email: z.string(),
    joined_at: z.string(),
  }),
  modules: z.array(
    z.object({
      module_id: z.string(),
      title: z.string(),
      /** "not_started" | "in_progress" | "completed". */
      status: z.string(),
      exercises: z.array(StudentExerciseOutSchema),
    }),
  ),
  /** Only when the class's conversations_visible is on; null otherwise. */
  conversations: z.array(StudentConversationOutSchema).nullable(),
});
export type StudentHistoryOut = z.infer<typeof StudentHistoryOutSchema>;
