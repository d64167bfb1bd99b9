-- AlterTable
ALTER TABLE "RemediationTask" ADD COLUMN     "assignee" TEXT;
