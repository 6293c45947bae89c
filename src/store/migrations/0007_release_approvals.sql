CREATE TABLE "release_approvals" (
	"release_id" integer PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_approvals" ADD CONSTRAINT "release_approvals_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;