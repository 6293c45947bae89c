CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"txid" bigint
);
--> statement-breakpoint
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_one_row" CHECK ("id" = 1);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
-- Bumped at commit (deferred), once per transaction, by every write to what public observation
-- reads depend on. Deferred so that a long import does not hold the counter row's lock while it
-- streams rows; observations themselves are only written together with their releases row.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET n = n + 1, txid = txid_current()
    WHERE id = 1 AND txid IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER releases_data_version AFTER INSERT OR UPDATE OR DELETE ON releases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER release_approvals_data_version AFTER INSERT OR UPDATE OR DELETE ON release_approvals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicators_data_version AFTER INSERT OR UPDATE OR DELETE ON indicators
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER regions_data_version AFTER INSERT OR UPDATE OR DELETE ON regions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER region_links_data_version AFTER INSERT OR UPDATE OR DELETE ON region_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
