import type { CheckDefinition } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

export const outsideCollaboratorAdmin: CheckDefinition = defineCheck({
  id: "outside-collaborator-admin",
  title: "No outside collaborator holds admin or maintain",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "settings",
  rationale:
    "Outside collaborators sit outside the organisation's SSO, 2FA enforcement and offboarding; with admin or maintain they can change branch rules, environments and secrets. Judged on archived repositories too, since an admin can unarchive.",
  remediation:
    "Lower outside collaborators to write (or less), or make them organisation members under its controls.",
  run: (facts) => {
    const collaborators = facts.settings?.collaborators;
    if (!collaborators)
      return unknown(facts.settings ? "The collaborator list could not be read." : NO_SETTINGS);
    const risky = collaborators.filter(
      (c) => c.outside && (c.permission === "admin" || c.permission === "maintain"),
    );
    if (risky.length === 0)
      return pass([api(`collaborators?affiliation=outside[permission=admin|maintain]`, [])]);
    return fail(
      risky.map((c) =>
        finding(
          `Outside collaborator \`${c.login}\` has ${c.permission} access.`,
          api(`collaborators/${c.login}/permission.role_name`, c.permission),
          `Settings → Collaborators and teams → \`${c.login}\` → Role: Write (or Remove). REST: \`PUT ${repoPath(facts)}/collaborators/${c.login}\` with \`{"permission":"push"}\`, or \`DELETE ${repoPath(facts)}/collaborators/${c.login}\`.`,
        ),
      ),
    );
  },
});
