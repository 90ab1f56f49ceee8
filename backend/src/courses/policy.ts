// The effective help policy of a student: the strictest of all their classes that use the module
// (no class → no limits). Read on every tutor and chat turn, inside the turn's first statement, so
// it is one indexed subquery (the student's memberships, joined to the classes and that module's
// policy row); the decision is made here from the few rows it returns.
import type { ChatPolicyOut, EffectivePolicyOut } from '@tutor/shared/courses';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export interface ClassPolicyRow {
  className: string;
  chatEnabled: boolean;
  /** Null when the class does not use the module. */
  maxHintLevel: number | null;
  tutorEnabled: boolean | null;
  tutorOffFrom: Date | null;
  tutorOffUntil: Date | null;
}

/**
 * The student's classes with their policy on `moduleId`, as one json value (index on
 * class_members.user_id): a turn's gate reads it in the statement that reads the session and the
 * student; the policy routes read it alone (`policyRows`).
 */
export function classPoliciesValue(userId: string, moduleId: string | null): SQL<ClassPolicyRow[]> {
  // Qualified by aliases: Drizzle leaves out table names when the outer query reads one table.
  const onModule = moduleId ? sql`cm.module_id = ${moduleId}` : sql`false`;
  return sql`(select coalesce(json_agg(json_build_object(
      'className', c.name,
      'chatEnabled', c.chat_enabled,
      'maxHintLevel', cm.max_hint_level,
      'tutorEnabled', cm.tutor_enabled,
      'tutorOffFrom', cm.tutor_off_from,
      'tutorOffUntil', cm.tutor_off_until)), '[]'::json)
    from class_members m
    join classes c on c.id = m.class_id
    left join class_modules cm on cm.class_id = m.class_id and ${onModule}
    where m.user_id = ${userId})`.mapWith(policyRowsFromJson);
}

type JsonPolicyRow = Omit<ClassPolicyRow, 'tutorOffFrom' | 'tutorOffUntil'> & {
  tutorOffFrom: string | null;
  tutorOffUntil: string | null;
};

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function policyRowsFromJson(value: unknown): ClassPolicyRow[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as JsonPolicyRow[];
  return rows.map((row) => ({
    ...row,
    tutorOffFrom: dateOrNull(row.tutorOffFrom),
    tutorOffUntil: dateOrNull(row.tutorOffUntil),
  }));
}

/** Whether a class's module policy has the tutor off at `now` (and until when, for a window). */
export function tutorOffAt(
  row: Pick<ClassPolicyRow, 'tutorEnabled' | 'tutorOffFrom' | 'tutorOffUntil'>,
  now: Date,
): { off: boolean; until: Date | null } {
  if (row.tutorOffFrom && row.tutorOffUntil) {
    const inside = row.tutorOffFrom <= now && now < row.tutorOffUntil;
    return { off: inside, until: inside ? row.tutorOffUntil : null };
  }
  return { off: row.tutorEnabled === false, until: null };
}

const hhmm = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

export const CHAT_OFF_MESSAGE = 'Your class has turned general chat off.';
export const tutorOffMessage = (until: Date | null) =>
  until
    ? `Your class has turned the tutor off until ${hhmm(until)} (exam).`
    : 'Your class has turned the tutor off for this module.';
export const hintCapNotice = (level: number) => `Your class allows hints up to level ${level}.`;

/** The strictest policy of the rows at `now`. */
export function effectivePolicy(rows: ClassPolicyRow[], now = new Date()): EffectivePolicyOut {
  let maxHintLevel = 5;
  let tutorOff = false;
  let offUntil: Date | null = null;
  let offWithoutWindow = false;
  const names: string[] = [];
  for (const row of rows) {
    if (row.maxHintLevel === null) continue;
    names.push(row.className);
    maxHintLevel = Math.min(maxHintLevel, row.maxHintLevel);
    const off = tutorOffAt(row, now);
    if (!off.off) continue;
    tutorOff = true;
    if (off.until === null) offWithoutWindow = true;
    else if (!offUntil || off.until > offUntil) offUntil = off.until;
  }
  const chatEnabled = rows.every((row) => row.chatEnabled);
  const tutorOffUntil = tutorOff && !offWithoutWindow ? offUntil : null;
  const notice = tutorOff
    ? tutorOffMessage(tutorOffUntil)
    : maxHintLevel < 5
      ? hintCapNotice(maxHintLevel)
      : null;
  return {
    max_hint_level: maxHintLevel,
    tutor_enabled: !tutorOff,
    tutor_off_until: tutorOffUntil?.toISOString() ?? null,
    chat_enabled: chatEnabled,
    classes: names,
    notice,
  };
}

export function chatPolicy(rows: ClassPolicyRow[]): ChatPolicyOut {
  const chatEnabled = rows.every((row) => row.chatEnabled);
  return { chat_enabled: chatEnabled, notice: chatEnabled ? null : CHAT_OFF_MESSAGE };
}

async function policyRows(
  db: Database,
  userId: string,
  moduleId: string | null,
): Promise<ClassPolicyRow[]> {
  const [row] = await db
    .select({ rows: classPoliciesValue(userId, moduleId) })
    .from(sql`(select 1) as one`);
  return row!.rows;
}

export async function studentPolicy(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<EffectivePolicyOut> {
  return effectivePolicy(await policyRows(db, userId, moduleId));
}

export async function studentChatPolicy(db: Database, userId: string): Promise<ChatPolicyOut> {
  return chatPolicy(await policyRows(db, userId, null));
}
