-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "organizationIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
