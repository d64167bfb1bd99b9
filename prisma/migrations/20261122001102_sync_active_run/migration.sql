-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "activeOrgId" TEXT,
DROP COLUMN "targets",
ADD COLUMN     "targets" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "SyncBatch" DROP COLUMN "nodeIds",
ADD COLUMN     "nodeIds" JSONB NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SyncRun_activeOrgId_key" ON "SyncRun"("activeOrgId");

-- "One active run per organisation" is now the unique activeOrgId column, which Prisma's
-- schema can express; the hand-written partial index of the sync migration goes.
DROP INDEX IF EXISTS "SyncRun_one_active_per_org";
