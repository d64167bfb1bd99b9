-- CreateTable
CREATE TABLE "PolicyVersion" (
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "RepoScore" (
    "repositoryId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "factsSyncedAt" TIMESTAMP(3) NOT NULL,
    "results" JSONB NOT NULL,
    "identity" DOUBLE PRECISION,
    "secrets" DOUBLE PRECISION,
    "supplyChain" DOUBLE PRECISION,
    "integrity" DOUBLE PRECISION,
    "changeControl" DOUBLE PRECISION,
    "overall" DOUBLE PRECISION,
    "grade" TEXT,
    "coverage" DOUBLE PRECISION NOT NULL,
    "checksTotal" INTEGER NOT NULL,
    "checksPass" INTEGER NOT NULL,
    "checksFail" INTEGER NOT NULL,
    "checksNotApplicable" INTEGER NOT NULL,
    "checksUnknown" INTEGER NOT NULL,
    "checksSuppressed" INTEGER NOT NULL,
    "failingCritical" INTEGER NOT NULL,
    "failingHigh" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepoScore_pkey" PRIMARY KEY ("repositoryId")
);

-- CreateIndex
CREATE INDEX "RepoScore_overall_idx" ON "RepoScore"("overall");

-- AddForeignKey
ALTER TABLE "RepoScore" ADD CONSTRAINT "RepoScore_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
