import type { RepoFacts } from "../lib/facts/types";
import type { PrismaClient } from "../lib/generated/prisma/client";

/**
 * A repository and its synced snapshot, as the sync would leave them, for integration
 * tests that then score the organisation. `fullName` is `owner/name`.
 */
export async function createRepoWithFacts(
  prisma: PrismaClient,
  organizationId: string,
  fullName: string,
  facts: RepoFacts,
  snapshot: { syncedAt?: Date; headOid?: string } = {},
) {
  const repo = await prisma.repository.create({
    data: { organizationId, name: fullName.slice(fullName.indexOf("/") + 1), fullName },
  });
  await prisma.repoSnapshot.create({
    data: {
      repositoryId: repo.id,
      fingerprint: "fp",
      factsVersion: 1,
      facts: JSON.parse(JSON.stringify(facts)),
      ...snapshot,
    },
  });
  return repo;
}
