-- Every catalogue key once. Until the data folder was locked (src/store/data-dir-lock.ts) two
-- processes could open one embedded store at once; their private page caches and transaction
-- counters left tables whose unique indexes no longer matched the rows (every indicator listed
-- twice, 65 rows for 35 keys). Here the duplicates are removed, keeping the earliest row (lowest
-- id, or lowest physical position where there is no id), and each key constraint is dropped and
-- built again from the table itself, so that a store damaged that way opens and is whole again.
-- Index scans are off meanwhile: a damaged index would hide the very duplicates sought.
SET enable_indexscan = off;--> statement-breakpoint
SET enable_indexonlyscan = off;--> statement-breakpoint
SET enable_bitmapscan = off;--> statement-breakpoint
DELETE FROM "indicators" a USING "indicators" b WHERE a."key" = b."key" AND a.ctid > b.ctid;--> statement-breakpoint
DELETE FROM "regions" a USING "regions" b
  WHERE a."code" = b."code" AND a."valid_from" IS NOT DISTINCT FROM b."valid_from" AND a."id" > b."id";--> statement-breakpoint
DELETE FROM "region_links" a USING "region_links" b
  WHERE a."child_code" = b."child_code" AND a."parent_code" = b."parent_code"
    AND a."valid_from" IS NOT DISTINCT FROM b."valid_from" AND a."id" > b."id";--> statement-breakpoint
DELETE FROM "region_code_changes" a USING "region_code_changes" b
  WHERE a."old_code" = b."old_code" AND a."new_code" IS NOT DISTINCT FROM b."new_code"
    AND a."date" = b."date" AND a."kind" = b."kind" AND a."id" > b."id";--> statement-breakpoint
-- a published version is frozen by a trigger; a second copy of one is not a record of its own
ALTER TABLE "plan_versions" DISABLE TRIGGER "plan_versions_frozen";--> statement-breakpoint
DELETE FROM "plan_versions" a USING "plan_versions" b
  WHERE a."plan_id" = b."plan_id" AND a."version" = b."version" AND a."id" > b."id";--> statement-breakpoint
DELETE FROM "scoring_schemes" a USING "scoring_schemes" b
  WHERE a."id" = b."id" AND a."version" = b."version" AND a.ctid > b.ctid;--> statement-breakpoint
-- a user name held twice: grants, sessions and authored plan versions move to the earliest account
UPDATE "user_grants" g SET "user_id" = k."keep"
  FROM (SELECT "id", min("id") OVER (PARTITION BY "username") AS "keep" FROM "users") k
  WHERE g."user_id" = k."id" AND k."id" <> k."keep";--> statement-breakpoint
UPDATE "sessions" s SET "user_id" = k."keep"
  FROM (SELECT "id", min("id") OVER (PARTITION BY "username") AS "keep" FROM "users") k
  WHERE s."user_id" = k."id" AND k."id" <> k."keep";--> statement-breakpoint
UPDATE "plan_versions" p SET "created_by" = k."keep"
  FROM (SELECT "id", min("id") OVER (PARTITION BY "username") AS "keep" FROM "users") k
  WHERE p."created_by" = k."id" AND k."id" <> k."keep";--> statement-breakpoint
DELETE FROM "user_grants" a USING "user_grants" b
  WHERE a."user_id" = b."user_id" AND a."role" = b."role" AND a."region_code" = b."region_code"
    AND a."park_id" IS NOT DISTINCT FROM b."park_id" AND a."id" > b."id";--> statement-breakpoint
DELETE FROM "users" a USING "users" b WHERE a."username" = b."username" AND a."id" > b."id";--> statement-breakpoint
ALTER TABLE "plan_versions" ENABLE TRIGGER "plan_versions_frozen";--> statement-breakpoint
-- the data-version triggers are deferred: fire them now, as ALTER TABLE refuses pending events
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
RESET enable_indexscan;--> statement-breakpoint
RESET enable_indexonlyscan;--> statement-breakpoint
RESET enable_bitmapscan;--> statement-breakpoint
ALTER TABLE "indicators" DROP CONSTRAINT IF EXISTS "indicators_pkey";--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_pkey" PRIMARY KEY ("key");--> statement-breakpoint
ALTER TABLE "regions" DROP CONSTRAINT IF EXISTS "regions_code_from_key";--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_code_from_key" UNIQUE NULLS NOT DISTINCT("code","valid_from");--> statement-breakpoint
ALTER TABLE "region_links" DROP CONSTRAINT IF EXISTS "region_links_key";--> statement-breakpoint
ALTER TABLE "region_links" ADD CONSTRAINT "region_links_key" UNIQUE NULLS NOT DISTINCT("child_code","parent_code","valid_from");--> statement-breakpoint
ALTER TABLE "plan_versions" DROP CONSTRAINT IF EXISTS "plan_versions_plan_version";--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_version" UNIQUE("plan_id","version");--> statement-breakpoint
ALTER TABLE "scoring_schemes" DROP CONSTRAINT IF EXISTS "scoring_schemes_id_version";--> statement-breakpoint
ALTER TABLE "scoring_schemes" ADD CONSTRAINT "scoring_schemes_id_version" UNIQUE("id","version");--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_username_unique";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_unique" UNIQUE("username");--> statement-breakpoint
ALTER TABLE "region_code_changes" ADD CONSTRAINT "region_code_changes_key" UNIQUE NULLS NOT DISTINCT("old_code","new_code","date","kind");--> statement-breakpoint
-- the tables' other indexes (their ids, names, levels) are rebuilt from the rows too
REINDEX TABLE "indicators";--> statement-breakpoint
REINDEX TABLE "regions";--> statement-breakpoint
REINDEX TABLE "region_links";--> statement-breakpoint
REINDEX TABLE "region_code_changes";--> statement-breakpoint
REINDEX TABLE "plan_versions";--> statement-breakpoint
REINDEX TABLE "scoring_schemes";--> statement-breakpoint
REINDEX TABLE "users";--> statement-breakpoint
REINDEX TABLE "user_grants";
