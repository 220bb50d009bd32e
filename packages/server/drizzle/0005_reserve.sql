CREATE TABLE "pool_entry_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"pool_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"kind" text NOT NULL,
	"action" text,
	"from_stage" text,
	"to_stage" text,
	"tier" text,
	"reason" text,
	"exit_reason" text,
	"date" date NOT NULL,
	"detail" jsonb,
	"user_id" integer,
	"username" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserve_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"pool_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"as_of" date NOT NULL,
	"rules_version" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserve_review_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"review_id" integer NOT NULL,
	"list" text NOT NULL,
	"cadre_id" integer,
	"text" text NOT NULL,
	"owner" text,
	"due_date" date,
	"status" text DEFAULT '未开始' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "pool_entry_pool_idx";--> statement-breakpoint
ALTER TABLE "development_plan" ADD COLUMN "outcomes" jsonb;--> statement-breakpoint
ALTER TABLE "movement" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "pool" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "pool" ADD COLUMN "target_level" text;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "stage" text DEFAULT 'admitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "stage_date" date;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "tier_confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "tier_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "tier_note" text;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "suggested_tier" text;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "suggested_basis" jsonb;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "suggested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pool_entry" ADD COLUMN "admitted_on" date;--> statement-breakpoint
-- existing entries were admitted (入库) on entered_on; those with exited_on left the pool (出库)
UPDATE "pool_entry" SET "stage" = CASE WHEN "exited_on" IS NULL THEN 'admitted' ELSE 'exited' END, "admitted_on" = "entered_on", "stage_date" = coalesce("exited_on", "entered_on"),
  "tier" = CASE "tier" WHEN '随时能用' THEN 'readyNow' WHEN '短期可用' THEN 'shortTerm' WHEN '未来有用' THEN 'future' ELSE "tier" END;--> statement-breakpoint
ALTER TABLE "recommendation_round" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "recommendation_round" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "pool_entry_event" ADD CONSTRAINT "pool_entry_event_entry_id_pool_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."pool_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_review" ADD CONSTRAINT "reserve_review_pool_id_pool_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pool"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_review_item" ADD CONSTRAINT "reserve_review_item_review_id_reserve_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reserve_review"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_review_item" ADD CONSTRAINT "reserve_review_item_cadre_id_cadre_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadre"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_entry_event_entry_idx" ON "pool_entry_event" USING btree ("entry_id","id");--> statement-breakpoint
CREATE INDEX "pool_entry_event_cadre_idx" ON "pool_entry_event" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "pool_entry_event_pool_date_idx" ON "pool_entry_event" USING btree ("pool_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_review_uq" ON "reserve_review" USING btree ("pool_id","quarter");--> statement-breakpoint
CREATE INDEX "reserve_review_item_review_idx" ON "reserve_review_item" USING btree ("review_id","list","sort");--> statement-breakpoint
CREATE INDEX "mentorship_mentee_idx" ON "mentorship" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "mentorship_mentor_idx" ON "mentorship" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "pool_org_idx" ON "pool" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "pool_entry_target_idx" ON "pool_entry" USING btree ("target_position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_entry_open_uq" ON "pool_entry" USING btree ("pool_id","cadre_id") WHERE stage in ('nominated', 'inspected', 'compared', 'admitted');--> statement-breakpoint
CREATE INDEX "recommendation_round_date_idx" ON "recommendation_round" USING btree ("date");--> statement-breakpoint
CREATE INDEX "recommendation_round_org_idx" ON "recommendation_round" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "recommendation_vote_cadre_idx" ON "recommendation_vote" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "pool_entry_pool_idx" ON "pool_entry" USING btree ("pool_id","stage");--> statement-breakpoint
-- pool_entry_event is append-only history: UPDATE is refused by the database itself (rows go only with their entry, by cascade)
CREATE OR REPLACE FUNCTION pool_entry_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'pool_entry_event is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pool_entry_event_no_update BEFORE UPDATE ON pool_entry_event
  FOR EACH ROW EXECUTE FUNCTION pool_entry_event_append_only();
