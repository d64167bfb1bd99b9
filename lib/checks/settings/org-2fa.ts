import type { CheckDefinition } from "../types";
import { NO_ORG } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

export const org2fa: CheckDefinition = defineCheck({
  id: "org-2fa",
  title: "The organisation requires two-factor authentication",
  category: "identity",
  severity: "critical",
  from: ["settings"],
  input: "settings",
  rationale:
    "Every member account with a password only is one phished credential away from pushing code, approving reviews or reading secrets across the organisation's repositories.",
  remediation: "Require two-factor authentication for everyone in the organisation.",
  run: (facts) => {
    const org = facts.org;
    if (!org || org.twoFactorRequired === null)
      return unknown(org ? "two_factor_requirement_enabled is only visible to organisation owners." : NO_ORG);
    const field = `orgs/${org.login}.two_factor_requirement_enabled`;
    if (org.twoFactorRequired) return pass([api(field, true)]);
    return fail([
      finding(
        `Organisation \`${org.login}\` does not require two-factor authentication.`,
        api(field, false),
        `Organisation Settings → Authentication security → tick "Require two-factor authentication for everyone in the ${org.login} organization" (members without 2FA are removed: warn them first). There is no REST endpoint for this setting.`,
      ),
    ]);
  },
});
