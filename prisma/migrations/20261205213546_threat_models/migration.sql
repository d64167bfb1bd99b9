-- CreateTable
CREATE TABLE "ThreatModel" (
    "repositoryId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThreatModel_pkey" PRIMARY KEY ("repositoryId")
);

-- CreateTable
CREATE TABLE "ThreatModelRevision" (
    "repositoryId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "authorId" TEXT,
    "authorLogin" TEXT,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatModelRevision_pkey" PRIMARY KEY ("repositoryId","revision")
);

-- AddForeignKey
ALTER TABLE "ThreatModel" ADD CONSTRAINT "ThreatModel_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatModelRevision" ADD CONSTRAINT "ThreatModelRevision_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "ThreatModel"("repositoryId") ON DELETE CASCADE ON UPDATE CASCADE;
