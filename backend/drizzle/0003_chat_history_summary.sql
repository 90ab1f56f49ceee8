ALTER TABLE "chat_sessions" ADD COLUMN "history_summary" text;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "history_summary_until" timestamp with time zone;