CREATE TABLE "exercise_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"exercise_id" varchar(100) NOT NULL,
	"runs" integer DEFAULT 0 NOT NULL,
	"first_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"passed_at" timestamp with time zone,
	"last_passed" boolean,
	"last_message" text,
	"highest_hint_level" smallint DEFAULT 0 NOT NULL,
	"tutor_answers" integer DEFAULT 0 NOT NULL,
	"last_hint_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_progress_user_exercise_key" UNIQUE("user_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "exercise_progress" ADD CONSTRAINT "exercise_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_progress" ADD CONSTRAINT "exercise_progress_module_id_learning_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."learning_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_progress_user_module_idx" ON "exercise_progress" USING btree ("user_id","module_id");