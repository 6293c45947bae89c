CREATE TABLE "indicators" (
	"key" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"source_series" text DEFAULT '' NOT NULL,
	"policy_target" text DEFAULT '' NOT NULL,
	"formula" text,
	"aggregation" text NOT NULL,
	"aggregation_weight" text,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"release_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"indicator_key" text NOT NULL,
	"period" integer NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"vintage" text,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_code_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"old_code" text NOT NULL,
	"new_code" text,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"child_code" text NOT NULL,
	"parent_code" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "region_links_key" UNIQUE NULLS NOT DISTINCT("child_code","parent_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_en_status" text NOT NULL,
	"in_mainland_stats" boolean DEFAULT true NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "regions_code_from_key" UNIQUE NULLS NOT DISTINCT("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"published_on" date NOT NULL,
	"kind" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_file" text,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_key_indicators_key_fk" FOREIGN KEY ("indicator_key") REFERENCES "public"."indicators"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_cell_idx" ON "observations" USING btree ("indicator_key","region_code","period");--> statement-breakpoint
CREATE INDEX "observations_release_idx" ON "observations" USING btree ("release_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_release_seq_idx" ON "observations" USING btree ("release_id","seq");--> statement-breakpoint
CREATE INDEX "region_links_parent_idx" ON "region_links" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_level_idx" ON "regions" USING btree ("level");--> statement-breakpoint
CREATE INDEX "regions_name_zh_idx" ON "regions" USING btree ("name_zh");