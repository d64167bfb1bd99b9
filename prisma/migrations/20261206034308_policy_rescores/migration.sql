-- CreateTable
CREATE TABLE "PolicyRescore" (
    "id" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "reposTotal" INTEGER NOT NULL DEFAULT 0,
    "reposDone" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PolicyRescore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyRescore_createdAt_idx" ON "PolicyRescore"("createdAt");
