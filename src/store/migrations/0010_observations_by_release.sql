-- Observations become a table partitioned by release. Ordinary releases (a province's report, the
-- built-in dataset) keep going to one default partition; a bulk release is written into a table of
-- its own, indexed by one sort, and attached whole (release-writer.ts): building the cell index by
-- sort costs a fraction of maintaining it row by row over millions of rows (docs/performance.md).
-- The primary key on id goes: a partitioned table's keys must include the release, ids still come
-- from the one sequence, and nothing looks a row up by id alone.
ALTER TABLE "observations" RENAME TO "observations_default";
--> statement-breakpoint
ALTER INDEX "observations_cell_idx" RENAME TO "observations_default_cell_idx";
--> statement-breakpoint
ALTER INDEX "observations_release_idx" RENAME TO "observations_default_release_idx";
--> statement-breakpoint
ALTER TABLE "observations_default" DROP CONSTRAINT "observations_pkey";
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigint DEFAULT nextval('observations_id_seq') NOT NULL,
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
) PARTITION BY LIST ("release_id");
--> statement-breakpoint
ALTER SEQUENCE "observations_id_seq" OWNED BY "observations"."id";
--> statement-breakpoint
ALTER TABLE "observations" ATTACH PARTITION "observations_default" DEFAULT;
--> statement-breakpoint
-- attaches the default partition's index of the same shape instead of building another
CREATE INDEX "observations_cell_idx" ON "observations" USING btree ("indicator_key","region_code","period");
