import type { CheckDefinition } from "../types";
import { NO_ORG, NO_SETTINGS, api, fail, finding, pass, repoPath, settingsCheck, unknown } from "./define";

export const outsideCollaboratorAdmin: CheckDefinition = settingsCheck({
  id: "outside-collaborator-admin",
  title: "No outside collaborator holds admin or maintain",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "judge",
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

export const writeDeployKey: CheckDefinition = settingsCheck({
  id: "write-deploy-key",
  title: "Deploy keys are read-only",
  category: "identity",
  severity: "medium",
  from: ["settings"],
  archived: "skip",
  rationale:
    "A write deploy key pushes as nobody in particular, is not tied to a person or SSO and ignores review, so its holder can change code directly. No deploy keys at all is a pass.",
  remediation: "Replace write deploy keys with read-only ones (or a GitHub App with scoped permissions).",
  run: (facts) => {
    const keys = facts.settings?.deployKeys;
    if (!keys)
      return unknown(
        facts.settings ? "Deploy keys could not be read (the token needs admin rights)." : NO_SETTINGS,
      );
    const writable = keys.filter((k) => !k.readOnly);
    if (writable.length === 0) return pass([api(`keys[read_only=false]`, [])]);
    return fail(
      writable.map((k) =>
        finding(
          `Deploy key "${k.title}" (id ${k.id}) has write access.`,
          api(`keys/${k.id}.read_only`, false),
          `Deploy keys cannot be edited: Settings → Deploy keys → delete "${k.title}" and add it again without "Allow write access". REST: \`DELETE ${repoPath(facts)}/keys/${k.id}\` then \`POST ${repoPath(facts)}/keys\` with \`{"title":${JSON.stringify(k.title)},"key":"<public key>","read_only":true}\`.`,
        ),
      ),
    );
  },
});

export const org2fa: CheckDefinition = settingsCheck({
  id: "org-2fa",
  title: "The organisation requires two-factor authentication",
  category: "identity",
  severity: "critical",
  from: ["settings"],
  archived: "judge",
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

export const orgBasePermission: CheckDefinition = settingsCheck({
  id: "org-base-permission",
  title: "The organisation's base permission is read or none",
  category: "identity",
  severity: "medium",
  from: ["settings"],
  archived: "judge",
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
