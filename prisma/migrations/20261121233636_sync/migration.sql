-- CreateTable
CREATE TABLE "GitHubConnection" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "appId" INTEGER,
    "installationId" INTEGER,
    "secretCiphertext" TEXT NOT NULL,
    "webhookSecretCiphertext" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GitHubConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "targets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "listingComplete" BOOLEAN NOT NULL DEFAULT false,
    "reposSeen" INTEGER NOT NULL DEFAULT 0,
    "reposChanged" INTEGER NOT NULL DEFAULT 0,
    "reposDone" INTEGER NOT NULL DEFAULT 0,
    "batchesTotal" INTEGER NOT NULL DEFAULT 0,
    "batchesDone" INTEGER NOT NULL DEFAULT 0,
    "restRequests" INTEGER NOT NULL DEFAULT 0,
    "restNotModified" INTEGER NOT NULL DEFAULT 0,
    "graphqlQueries" INTEGER NOT NULL DEFAULT 0,
    "graphqlPoints" INTEGER NOT NULL DEFAULT 0,
    "rateLimitRemaining" INTEGER,
    "errors" JSONB NOT NULL DEFAULT '{}',
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncBatch" (
    "runId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "nodeIds" TEXT[],
    "done" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "SyncBatch_pkey" PRIMARY KEY ("runId","index")
);

-- CreateTable
CREATE TABLE "RepoSnapshot" (
    "repositoryId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "headOid" TEXT,
    "pushedAt" TIMESTAMP(3),
    "factsVersion" INTEGER NOT NULL,
    "facts" JSONB NOT NULL,
    "issues" JSONB NOT NULL DEFAULT '[]',
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepoSnapshot_pkey" PRIMARY KEY ("repositoryId")
);

-- CreateTable
CREATE TABLE "OrgSnapshot" (
    "organizationId" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "issues" JSONB NOT NULL DEFAULT '[]',
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgSnapshot_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "EtagCache" (
    "connectionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "link" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EtagCache_pkey" PRIMARY KEY ("connectionId","url")
);

-- CreateIndex
CREATE UNIQUE INDEX "GitHubConnection_organizationId_key" ON "GitHubConnection"("organizationId");

-- CreateIndex
CREATE INDEX "SyncRun_organizationId_createdAt_idx" ON "SyncRun"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "GitHubConnection" ADD CONSTRAINT "GitHubConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncBatch" ADD CONSTRAINT "SyncBatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepoSnapshot" ADD CONSTRAINT "RepoSnapshot_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgSnapshot" ADD CONSTRAINT "OrgSnapshot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EtagCache" ADD CONSTRAINT "EtagCache_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "GitHubConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One active sync per organisation: a second start finds the existing run instead.
CREATE UNIQUE INDEX "SyncRun_one_active_per_org" ON "SyncRun"("organizationId") WHERE "status" IN ('queued', 'running');
