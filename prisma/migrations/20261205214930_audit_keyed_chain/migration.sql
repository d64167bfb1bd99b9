-- AlterTable
ALTER TABLE "AuditLogEntry" ADD COLUMN     "chainVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_seq_idx" ON "AuditCheckpoint"("seq");

-- Hand-written: checkpoints are append-only like the log.
CREATE FUNCTION "gatehouse_audit_checkpoint_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditCheckpoint is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_audit_checkpoint_append_only"();

CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "gatehouse_audit_checkpoint_append_only"();

-- Existing entries keep chainVersion 1 (unkeyed SHA-256) and are still verified as such;
-- new entries are keyed (version 2) and chain onto the last unkeyed hash. The sequence
-- is no longer used by the app (appends assign seq under their lock).
