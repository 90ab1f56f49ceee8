ALTER TABLE "chat_messages" ADD COLUMN "tutor_label" varchar(120);--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "title" varchar(80);--> statement-breakpoint
-- Existing sessions are named after their first question that got a graded answer (a greeting or an
-- off-topic message got a canned reply, which has no hint level).
WITH ordered AS (
  SELECT session_id, role, content, created_at, id,
    lead(role) OVER w AS next_role,
    lead(hint_level_used) OVER w AS next_level
  FROM chat_messages
  WINDOW w AS (PARTITION BY session_id ORDER BY created_at, id)
), firsts AS (
  SELECT DISTINCT ON (session_id) session_id, content
  FROM ordered
  WHERE role = 'user' AND next_role = 'assistant' AND next_level IS NOT NULL
  ORDER BY session_id, created_at, id
)
UPDATE "chat_sessions" SET "title" = left(btrim(regexp_replace(firsts.content, '\s+', ' ', 'g')), 80)
FROM firsts
WHERE "chat_sessions"."id" = firsts.session_id;
