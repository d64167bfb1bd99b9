-- CreateTable
CREATE TABLE "OrgScoreSnapshot" (
    "organizationId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "overall" REAL,
    "identity" REAL,
    "secrets" REAL,
    "supplyChain" REAL,
    "integrity" REAL,
    "changeControl" REAL,
    "grade" CHAR(1),
    "coverage" REAL,
    "repositories" INTEGER NOT NULL,
    "distribution" JSONB NOT NULL,
    "counts" JSONB NOT NULL,
    "checks" JSONB NOT NULL,
    "orgFindings" JSONB NOT NULL,

    CONSTRAINT "OrgScoreSnapshot_pkey" PRIMARY KEY ("organizationId","takenAt")
);

-- CreateTable
CREATE TABLE "RepoScoreSnapshot" (
    "repositoryId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "overall" REAL,
    "identity" REAL,
    "secrets" REAL,
    "supplyChain" REAL,
    "integrity" REAL,
    "changeControl" REAL,
    "grade" CHAR(1),
    "coverage" REAL NOT NULL,
    "failing" BYTEA NOT NULL,

    CONSTRAINT "RepoScoreSnapshot_pkey" PRIMARY KEY ("repositoryId","takenAt")
);

-- CreateTable
CREATE TABLE "FindingLifetime" (
    "fingerprint" VARCHAR(16) NOT NULL,
    "organizationId" TEXT NOT NULL,
    "repositoryId" TEXT,
    "checkId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "line" INTEGER,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "fixedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FindingLifetime_pkey" PRIMARY KEY ("fingerprint")
);

-- CreateTable
CREATE TABLE "RepoFacet" (
    "repositoryId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "empty" BOOLEAN NOT NULL,
    "critical" BOOLEAN NOT NULL,
    "hasProductionEnvironment" BOOLEAN NOT NULL,
    "owners" TEXT[],
    "failingChecks" TEXT[],
    "worstSeverity" TEXT,

    CONSTRAINT "RepoFacet_pkey" PRIMARY KEY ("repositoryId")
);

-- CreateIndex
CREATE INDEX "FindingLifetime_repositoryId_fixedAt_idx" ON "FindingLifetime"("repositoryId", "fixedAt");

-- CreateIndex
CREATE INDEX "FindingLifetime_organizationId_checkId_fixedAt_idx" ON "FindingLifetime"("organizationId", "checkId", "fixedAt");

-- CreateIndex
CREATE INDEX "RepoFacet_organizationId_idx" ON "RepoFacet"("organizationId");

-- CreateIndex
CREATE INDEX "RepoFacet_failingChecks_idx" ON "RepoFacet" USING GIN ("failingChecks");

-- AddForeignKey
ALTER TABLE "OrgScoreSnapshot" ADD CONSTRAINT "OrgScoreSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepoScoreSnapshot" ADD CONSTRAINT "RepoScoreSnapshot_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLifetime" ADD CONSTRAINT "FindingLifetime_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingLifetime" ADD CONSTRAINT "FindingLifetime_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepoFacet" ADD CONSTRAINT "RepoFacet_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
