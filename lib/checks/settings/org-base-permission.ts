import type { CheckDefinition } from "../types";
import { NO_ORG } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

export const orgBasePermission: CheckDefinition = defineCheck({
  id: "org-base-permission",
  title: "The organisation's base permission is read or none",
  category: "identity",
  severity: "medium",
  from: ["settings"],
  input: "settings",
  rationale:
    "A write or admin base permission gives every member push (or admin) rights on every repository, so one compromised member account reaches all of them.",
  remediation:
    "Set the organisation's base permission to Read or No permission and grant write through teams.",
  run: (facts) => {
    const org = facts.org;
    if (!org || org.defaultRepositoryPermission === null)
      return unknown(org ? "default_repository_permission is only visible to organisation owners." : NO_ORG);
    const field = `orgs/${org.login}.default_repository_permission`;
    const value = org.defaultRepositoryPermission;
    if (value === "none" || value === "read") return pass([api(field, value)]);
    return fail([
      finding(
        `Every member of \`${org.login}\` has ${value} access to every repository (base permission).`,
        api(field, value),
        `Organisation Settings → Member privileges → Base permissions → Read. REST: \`PATCH /orgs/${org.login}\` with \`{"default_repository_permission":"read"}\`.`,
      ),
    ]);
  },
});
