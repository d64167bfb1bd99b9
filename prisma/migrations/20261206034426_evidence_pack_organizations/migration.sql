-- AlterTable
ALTER TABLE "EvidencePack" ADD COLUMN     "organizationIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
