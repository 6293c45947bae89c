ALTER TABLE "observations" DROP CONSTRAINT "observations_release_id_releases_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_indicator_key_indicators_key_fk";
--> statement-breakpoint
DROP INDEX "observations_release_seq_idx";