// Which findings belong to the organisation rather than the repository. Kept apart from
// instances.ts (which hashes with node:crypto) so UI components can import it.
import type { Evidence } from "../checks/types";

/** Evidence read from the organisation's settings (orgs/<login>… or org.…), not the repository's. */
export function isOrgLevel(evidence: Evidence): boolean {
  return evidence.kind === "api" && (evidence.field.startsWith("orgs/") || evidence.field.startsWith("org."));
}
