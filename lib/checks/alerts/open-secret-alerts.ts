import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { fail, pass, unknown, defineCheck } from "../define";
import { repoPath } from "../support/settings";

export const openSecretAlerts: CheckDefinition = defineCheck({
  id: "open-secret-alerts",
  title: "No open secret-scanning alerts",
  category: "secrets",
  severity: "critical",
  from: ["alerts"],
  input: "settings",
  rationale:
    "An open alert is a credential GitHub found in the code or its history that nobody has revoked yet; it stays usable by anyone who can read the repository, archived or not. Unknown when secret scanning is off, since an empty alert list then proves nothing.",
  remediation: "Revoke and rotate each exposed credential at its issuer, then close the alert as revoked.",
  run: (facts) => {
    const alerts = facts.alerts?.secretScanning;
    if (!alerts)
      return unknown(
        "Secret-scanning alerts could not be read (the token needs the secret scanning alerts read permission).",
      );
    const open = alerts.filter((a) => a.state === "open");
    const field = (n: number) => `secret-scanning/alerts/${n}.state`;
    if (open.length === 0) {
      if (facts.settings?.security?.secretScanning === false) {
        return unknown("Secret scanning is disabled, so no alerts can exist; see secret-scanning-disabled.", [
          api(`security_and_analysis.secret_scanning.status`, "disabled"),
        ]);
      }
      return pass([api(`secret-scanning/alerts?state=open`, [])]);
    }
    return fail(
      open.map((a) =>
        finding(
          `Secret-scanning alert #${a.number} (${a.secretType}) has been open since ${a.createdAt.slice(0, 10)}.`,
          api(field(a.number), "open", a.url),
          `Treat the ${a.secretType} as compromised: revoke it at its issuer and issue a new one (deleting the commit is not enough, it stays in history), then Security → Secret scanning → alert #${a.number} → Close as "Revoked". REST: \`PATCH ${repoPath(facts)}/secret-scanning/alerts/${a.number}\` with \`{"state":"resolved","resolution":"revoked"}\`.`,
        ),
      ),
    );
  },
});
