CREATE TABLE "adjustment_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_description_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"position_id" integer NOT NULL,
	"version" integer NOT NULL,
	"description" jsonb NOT NULL,
	"comment" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adjustment_plan" ADD CONSTRAINT "adjustment_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_description_version" ADD CONSTRAINT "position_description_version_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_description_version" ADD CONSTRAINT "position_description_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adjustment_plan_created_by_idx" ON "adjustment_plan" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "position_description_version_uq" ON "position_description_version" USING btree ("position_id","version");