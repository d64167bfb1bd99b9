-- CreateTable
CREATE TABLE "OrgMember" (
    "organizationId" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgMember_pkey" PRIMARY KEY ("organizationId","login")
);

-- CreateIndex
CREATE INDEX "OrgMember_login_idx" ON "OrgMember"("login");

-- AddForeignKey
ALTER TABLE "OrgMember" ADD CONSTRAINT "OrgMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
