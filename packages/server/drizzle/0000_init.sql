CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_org_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"position_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"method" text DEFAULT '委任' NOT NULL,
	"kind" text DEFAULT '任职' NOT NULL,
	"doc_no" text,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"result" text,
	"score" numeric(5, 2),
	"stars" integer,
	"remark" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"cadre_id" integer,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "cadre" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pinyin" text DEFAULT '' NOT NULL,
	"sex" text NOT NULL,
	"ethnicity" text NOT NULL,
	"birth_date" date NOT NULL,
	"native_place" text,
	"birth_place" text,
	"id_number" text,
	"political_status" text NOT NULL,
	"party_join_date" date,
	"work_start_date" date NOT NULL,
	"health" text,
	"professional_title" text,
	"expertise" text,
	"specialty_category" text,
	"full_time_education" text,
	"full_time_degree" text,
	"highest_education" text,
	"highest_degree" text,
	"current_org_id" integer,
	"current_position_id" integer,
	"current_post_title" text,
	"post_level" text,
	"rank" text,
	"post_start_date" date,
	"level_start_date" date,
	"status" text DEFAULT '在职' NOT NULL,
	"style" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"intake_channel" text,
	"photo" text,
	"remark" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"summary" text NOT NULL,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "career" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"org_name" text NOT NULL,
	"post_title" text NOT NULL,
	"post_level" text,
	"is_grassroots" boolean DEFAULT false NOT NULL,
	"experience_types" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_item" (
	"set_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"parent" text,
	"extra" jsonb,
	CONSTRAINT "code_item_set_code_code_pk" PRIMARY KEY("set_code","code")
);
--> statement-breakpoint
CREATE TABLE "development_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"goals" jsonb NOT NULL,
	"checkpoints" jsonb NOT NULL,
	"status" text DEFAULT '进行中' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"reason" text NOT NULL,
	"authority" text,
	"impact_months" integer,
	"revoked_on" date
);
--> statement-breakpoint
CREATE TABLE "education" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mode" text NOT NULL,
	"education" text NOT NULL,
	"degree" text,
	"school" text NOT NULL,
	"major" text,
	"major_category" text,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "family_member" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relation" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date,
	"political_status" text,
	"work_unit_post" text
);
--> statement-breakpoint
CREATE TABLE "key_moment" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"event" text NOT NULL,
	"performance" text NOT NULL,
	"rating" text,
	"recorder" text
);
--> statement-breakpoint
CREATE TABLE "mentorship" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentor_id" integer NOT NULL,
	"mentee_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"from_org" text,
	"to_org" text,
	"host_unit" text,
	"start_date" date,
	"end_date" date,
	"doc_no" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"path" text DEFAULT '/' NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"code" text,
	"kind" text NOT NULL,
	"management_level" text DEFAULT '区管' NOT NULL,
	"rank_level" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicator" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"metric" jsonb NOT NULL,
	"target" numeric,
	"due_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_list_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"team_id" integer,
	"org_unit_id" integer,
	"text" text NOT NULL,
	"due_date" date,
	"status" text DEFAULT '未开始' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "political_quality" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"loyalty" integer,
	"steadiness" integer,
	"responsibility" integer,
	"capability" integer,
	"self_discipline" integer,
	"summary" text,
	"recorder" text
);
--> statement-breakpoint
CREATE TABLE "pool" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"org_unit_id" integer,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"pool_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"field" text,
	"tier" text,
	"target_position_id" integer,
	"entered_on" date NOT NULL,
	"entry_reason" text,
	"exited_on" date,
	"exit_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"is_chief" boolean DEFAULT false NOT NULL,
	"category" text DEFAULT '行政' NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"quota" integer DEFAULT 1 NOT NULL,
	"description" jsonb,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rank_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"doc_no" text
);
--> statement-breakpoint
CREATE TABLE "recommendation_round" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"org_unit_id" integer,
	"position_id" integer,
	"target_level" text,
	"voter_count" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_vote" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"votes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reward" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"level" text,
	"issuer" text
);
--> statement-breakpoint
CREATE TABLE "rules_config" (
	"version" integer PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"comment" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_filter" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"category" text,
	"source_dept" text,
	"date" date NOT NULL,
	"summary" text NOT NULL,
	"action" text,
	"finding" text,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "talk_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"talker" text NOT NULL,
	"summary" text NOT NULL,
	"follow_up" text
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT '党政班子' NOT NULL,
	"description" text,
	"needs" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"organizer" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"hours" numeric(7, 1) NOT NULL,
	"mode" text NOT NULL,
	"is_political" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"cadre_id" integer,
	"team_id" integer,
	"color" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"period" text,
	"issued_on" date NOT NULL,
	"resolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_scope_org_id_org_unit_id_fk" FOREIGN KEY ("scope_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_current_org_id_org_unit_id_fk" FOREIGN KEY ("current_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_record" ADD CONSTRAINT "care_record_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career" ADD CONSTRAINT "career_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan" ADD CONSTRAINT "development_plan_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline" ADD CONSTRAINT "discipline_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education" ADD CONSTRAINT "education_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_moment" ADD CONSTRAINT "key_moment_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentor_id_cadre_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentee_id_cadre_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_list_item" ADD CONSTRAINT "plan_list_item_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_list_item" ADD CONSTRAINT "plan_list_item_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_quality" ADD CONSTRAINT "political_quality_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool" ADD CONSTRAINT "pool_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD CONSTRAINT "pool_entry_pool_id_pool_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pool"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD CONSTRAINT "pool_entry_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD CONSTRAINT "pool_entry_target_position_id_position_id_fk" FOREIGN KEY ("target_position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_history" ADD CONSTRAINT "rank_history_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_round" ADD CONSTRAINT "recommendation_round_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_round" ADD CONSTRAINT "recommendation_round_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_vote" ADD CONSTRAINT "recommendation_vote_round_id_recommendation_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."recommendation_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_vote" ADD CONSTRAINT "recommendation_vote_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward" ADD CONSTRAINT "reward_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filter" ADD CONSTRAINT "saved_filter_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item" ADD CONSTRAINT "supervision_item_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_record" ADD CONSTRAINT "talk_record_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training" ADD CONSTRAINT "training_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning" ADD CONSTRAINT "warning_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning" ADD CONSTRAINT "warning_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_username_uq" ON "app_user" USING btree ("username");--> statement-breakpoint
CREATE INDEX "appointment_cadre_idx" ON "appointment" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "appointment_position_idx" ON "appointment" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "assessment_cadre_idx" ON "assessment" USING btree ("cadre_id","year");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_cadre_idx" ON "audit_log" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "cadre_org_idx" ON "cadre" USING btree ("current_org_id");--> statement-breakpoint
CREATE INDEX "cadre_birth_idx" ON "cadre" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "cadre_level_idx" ON "cadre" USING btree ("post_level","birth_date");--> statement-breakpoint
CREATE INDEX "cadre_rank_idx" ON "cadre" USING btree ("rank");--> statement-breakpoint
CREATE INDEX "cadre_name_idx" ON "cadre" USING btree ("name");--> statement-breakpoint
CREATE INDEX "cadre_pinyin_idx" ON "cadre" USING btree ("pinyin");--> statement-breakpoint
CREATE INDEX "cadre_status_idx" ON "cadre" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cadre_tags_idx" ON "cadre" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_id_number_uq" ON "cadre" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "care_cadre_idx" ON "care_record" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "career_cadre_idx" ON "career" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "development_plan_cadre_idx" ON "development_plan" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "discipline_cadre_idx" ON "discipline" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "education_cadre_idx" ON "education" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "family_cadre_idx" ON "family_member" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "key_moment_cadre_idx" ON "key_moment" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "movement_cadre_idx" ON "movement" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "org_unit_path_idx" ON "org_unit" USING btree ("path");--> statement-breakpoint
CREATE INDEX "org_unit_parent_idx" ON "org_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "political_quality_cadre_idx" ON "political_quality" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "pool_entry_pool_idx" ON "pool_entry" USING btree ("pool_id");--> statement-breakpoint
CREATE INDEX "pool_entry_cadre_idx" ON "pool_entry" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "position_team_idx" ON "position" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "position_org_idx" ON "position" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "rank_history_cadre_idx" ON "rank_history" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_vote_uq" ON "recommendation_vote" USING btree ("round_id","cadre_id");--> statement-breakpoint
CREATE INDEX "reward_cadre_idx" ON "reward" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "supervision_cadre_idx" ON "supervision_item" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "talk_cadre_idx" ON "talk_record" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "team_org_idx" ON "team" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "training_cadre_idx" ON "training" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "warning_cadre_idx" ON "warning" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "warning_team_idx" ON "warning" USING btree ("team_id");