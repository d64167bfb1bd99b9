-- AlterTable
ALTER TABLE "RepoScoreSnapshot" ADD COLUMN     "passing" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "waived" TEXT[] DEFAULT ARRAY[]::TEXT[];
