-- CreateTable
CREATE TABLE "EvidenceSigningKey" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateKeyCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "scope" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "step" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "repoCount" INTEGER,
    "keyId" TEXT,
    "sha256" TEXT,
    "sizeBytes" BIGINT,
    "errorMessage" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidencePackChunk" (
    "packId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "EvidencePackChunk_pkey" PRIMARY KEY ("packId","index")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceSigningKey_keyId_key" ON "EvidenceSigningKey"("keyId");

-- CreateIndex
CREATE INDEX "EvidencePack_createdAt_idx" ON "EvidencePack"("createdAt");

-- AddForeignKey
ALTER TABLE "EvidencePackChunk" ADD CONSTRAINT "EvidencePackChunk_packId_fkey" FOREIGN KEY ("packId") REFERENCES "EvidencePack"("id") ON DELETE CASCADE ON UPDATE CASCADE;
