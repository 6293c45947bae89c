-- The bump also notifies: app processes LISTEN on jueqi_data_version (src/store/data-version.ts)
-- and know the version without reading it per request. NOTIFY inside the deferred trigger is
-- delivered at commit, in commit order, and not at all on rollback; the payload is the new n.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  UPDATE data_version SET n = n + 1, txid = txid_current()
    WHERE id = 1 AND txid IS DISTINCT FROM txid_current()
    RETURNING n INTO bumped;
  IF bumped IS NOT NULL THEN
    PERFORM pg_notify('jueqi_data_version', bumped::text);
  END IF;
  RETURN NULL;
END $$;
