-- CreateTable
CREATE TABLE "RemediationTask" (
    "id" TEXT NOT NULL,
    "repositoryId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "owners" JSONB NOT NULL DEFAULT '[]',
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "closedBySyncRunId" TEXT,
    "closedAt" TIMESTAMP(3),
    "exceptionId" TEXT,
    "issueUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemediationTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationTaskEvent" (
    "id" BIGSERIAL NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actorId" TEXT,
    "syncRunId" TEXT,
    "note" TEXT,

    CONSTRAINT "RemediationTaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemediationTask_status_dueAt_idx" ON "RemediationTask"("status", "dueAt");

-- CreateIndex
CREATE INDEX "RemediationTask_priority_idx" ON "RemediationTask"("priority");

-- CreateIndex
CREATE UNIQUE INDEX "RemediationTask_repositoryId_checkId_key" ON "RemediationTask"("repositoryId", "checkId");

-- CreateIndex
CREATE INDEX "RemediationTaskEvent_taskId_at_idx" ON "RemediationTaskEvent"("taskId", "at");

-- AddForeignKey
ALTER TABLE "RemediationTask" ADD CONSTRAINT "RemediationTask_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationTaskEvent" ADD CONSTRAINT "RemediationTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "RemediationTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;
