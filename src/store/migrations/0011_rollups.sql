-- Materialised macro-region and national roll-ups (store/rollups.ts), refreshed in the transaction
-- that lands a release or changes its approval. One row per cell and class (real or synthetic
-- inputs, never mixed); a null value is a figure the coverage rule withholds, kept on record.
CREATE TABLE "rollup_figures" (
	"indicator_key" text NOT NULL,
	"region_code" text NOT NULL,
	"period" integer NOT NULL,
	"synthetic" boolean NOT NULL,
	"value" double precision,
	"release_id" integer NOT NULL,
	"members" integer NOT NULL,
	"with_data" integer NOT NULL,
	"source" text NOT NULL,
	"note" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_figures_indicator_key_region_code_period_synthetic_pk" PRIMARY KEY("indicator_key","region_code","period","synthetic")
);
--> statement-breakpoint
ALTER TABLE "rollup_figures" ADD CONSTRAINT "rollup_figures_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- the roll-ups are part of what public observation reads depend on (migration 0009): bumped at
-- commit like the others, so the counter row is locked only then (a refresh's own transaction
-- may take other locks after writing them, e.g. the audit chain's)
CREATE CONSTRAINT TRIGGER rollup_figures_data_version AFTER INSERT OR UPDATE OR DELETE ON rollup_figures
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();