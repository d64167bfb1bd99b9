-- Threat models are ~15 KB JSON documents written twice per generation (the model and its
-- revision row). pglz compression was about two thirds of Postgres's time inserting a page
-- of 200 (250-340 ms against 100-127 ms with lz4, same rows); lz4 compresses several times
-- faster at a similar ratio. Existing values keep pglz until rewritten; both stay readable.
-- A Postgres built without lz4 (the embedded PGlite the demo and e2e use) refuses the
-- method with feature_not_supported: it keeps pglz, which only costs time.
-- Not expressible in the Prisma schema (it does not model column compression), so
-- prisma/schema and the migrated-schema snapshot are unchanged.
DO $$
BEGIN
  ALTER TABLE "ThreatModel" ALTER COLUMN "model" SET COMPRESSION lz4;
  ALTER TABLE "ThreatModelRevision" ALTER COLUMN "model" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available: threat models keep pglz compression';
END $$;
