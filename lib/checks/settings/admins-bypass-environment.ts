import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { defineCheck } from "../define";
import { envField, envUi, judgeProduction, productionRationale } from "../support/environments";

export const adminsBypassEnvironment: CheckDefinition = defineCheck({
  id: "admins-bypass-environment",
  title: "Administrators cannot bypass production protection rules",
  category: "change-control",
  severity: "low",
  from: ["settings"],
  input: "live-settings",
  rationale: `When administrators may bypass an environment's protection rules, an admin account (or a token acting as one) deploys to production without review or branch restrictions.${productionRationale}`,
  remediation:
    'Untick "Allow administrators to bypass configured protection rules" on every production environment.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) =>
        env.canAdminsBypass
          ? finding(
              `Administrators may bypass the protection rules of production environment "${env.name}".`,
              api(`${envField(env)}.can_admins_bypass`, true),
              `${envUi(env)} → untick "Allow administrators to bypass configured protection rules" (a UI setting: the REST create/update environment endpoint does not accept it).`,
            )
          : api(`${envField(env)}.can_admins_bypass`, false),
    }),
});
