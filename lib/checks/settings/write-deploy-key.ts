import type { CheckDefinition } from "../types";
import { NO_SETTINGS, repoPath } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";

export const writeDeployKey: CheckDefinition = defineCheck({
  id: "write-deploy-key",
  title: "Deploy keys are read-only",
  category: "identity",
  severity: "medium",
  from: ["settings"],
  input: "live-settings",
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
