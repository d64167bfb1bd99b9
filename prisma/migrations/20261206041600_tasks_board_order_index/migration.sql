-- DropIndex
DROP INDEX "RemediationTask_priority_idx";

-- CreateIndex
CREATE INDEX "RemediationTask_priority_dueAt_id_idx" ON "RemediationTask"("priority" DESC, "dueAt", "id");
