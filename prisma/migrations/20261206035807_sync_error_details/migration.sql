-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "errorDetails" JSONB NOT NULL DEFAULT '[]';
