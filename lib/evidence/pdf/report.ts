// report.pdf: what an auditor prints. Summary per control first (the figures the
// sign-off rests on), then each repository's failing controls, the exceptions with their
// justification, approver and expiry, and how the evidence was produced.
import type { ControlSummary } from "../control-view";
import { repoStatusFor } from "../control-view";
import type { Framework } from "../frameworks/schema";
import { describeScope, type PackInput } from "../input";
import { Layout } from "./layout";

/**
 * Repositories the report details. The PDF is built in memory (pdf-lib), and 10,000
 * repositories' detail does not fit the worker's heap (nor would anyone print it): past
 * this, the report points at the tabular files, which hold every repository.
 */
export const PDF_REPO_DETAIL_LIMIT = 500;

const STATUS_LABEL = {
  pass: "PASS",
  fail: "FAIL",
  unknown: "UNKNOWN",
  exception: "EXCEPTION",
  "not-applicable": "N/A",
};

export async function buildReportPdf(
  input: PackInput,
  framework: Framework,
  summaries: ControlSummary[],
): Promise<Uint8Array> {
  const title = `Gatehouse evidence report: ${framework.name}`;
  const l = await Layout.create(title, new Date(input.generatedAt));
  l.heading(title, 18);
  l.text(`Framework: ${framework.name}, ${framework.version}`);
  l.text(`As of: ${input.asOf}   Generated: ${input.generatedAt}`);
  l.text(`Scope: ${describeScope(input.scope)} (${input.repos.count} repositories)`);
  if (input.excluded.length)
    l.text(
      `Not shown (no scoring on or before the as-of date): ${input.excluded.map((e) => e.repo).join(", ")}`,
      { size: 9 },
    );
  l.text(`Instance: ${input.instance.name} (Gatehouse ${input.instance.version})`);
  const failing = summaries.filter((s) => s.status === "fail").length;
  l.text(
    `Controls: ${summaries.length} assessed, ${summaries.filter((s) => s.status === "pass" || s.status === "exception").length} satisfied, ${failing} failing, ${summaries.filter((s) => s.status === "unknown").length} unknown.`,
    { bold: true },
  );

  l.heading("Summary per control");
  const W = [0.12, 0.4, 0.09, 0.09, 0.1, 0.1, 0.1];
  l.row(["Control", "Title", "Pass", "Fail", "Unknown", "Exception", "Status"], W, { bold: true });
  for (const s of summaries)
    l.row(
      [
        s.id,
        s.title,
        `${s.counts.pass}`,
        `${s.counts.fail}`,
        `${s.counts.unknown}`,
        `${s.counts.exception}`,
        STATUS_LABEL[s.status],
      ],
      W,
    );
  l.text("Counts are repositories. A repository fails a control when any mapped check fails for it.", {
    size: 8,
    grey: true,
  });

  l.heading("Per-repository detail");
  let listed = 0;
  // Stops reading at the limit: the rest of a big estate would be read for nothing.
  for await (const page of input.repos.statusPages()) {
    for (const repo of page) {
      if (listed >= PDF_REPO_DETAIL_LIMIT) break;
      listed++;
      const statuses = framework.controls.map((c) => ({ c, s: repoStatusFor(c, repo) }));
      const bad = statuses.filter(({ s }) => s.status === "fail" || s.status === "unknown");
      l.text(
        `${repo.fullName}${repo.critical ? " (critical)" : ""}${repo.team ? ` - team ${repo.team}` : ""} - score ${repo.score.overall ?? "n/a"} ${repo.score.grade ?? ""} - scored ${repo.scoredAt}`,
        { bold: true, size: 9 },
      );
      if (!bad.length)
        l.text("All mapped controls pass or hold an exception.", { indent: 12, size: 8, grey: true });
      for (const { c, s } of bad) {
        const checks = s.checks.filter((r) => r.status === s.status).map((r) => r.check);
        l.text(`${STATUS_LABEL[s.status]} ${c.id}: ${checks.join(", ")}`, { indent: 12, size: 8 });
      }
    }
    if (listed >= PDF_REPO_DETAIL_LIMIT) break;
  }

  if (input.repos.count > PDF_REPO_DETAIL_LIMIT)
    l.text(
      `The first ${PDF_REPO_DETAIL_LIMIT} of ${input.repos.count} repositories are listed; every repository's results are in findings.csv and findings.json.`,
      { size: 9, bold: true },
    );

  l.heading("Exceptions");
  if (!input.exceptions.length) l.text("No policy exceptions were in force.");
  for (const e of input.exceptions)
    l.text(
      `${e.id}: ${e.checkId} on ${e.repo} - approved by ${e.approver}, expires ${e.expiresAt}. Justification: ${e.justification}`,
      { size: 9 },
    );

  l.heading("Method");
  l.text(
    [
      "Gatehouse syncs each repository's GitHub settings, workflows and files, and evaluates them with its check catalogue; each check yields pass, fail, unknown (the data could not be read; never counted as pass or fail) or not applicable, with the evidence it rests on.",
      `This pack uses the latest scoring of each repository on or before ${input.asOf}. Each check maps to controls of ${framework.name} in Gatehouse's reviewable mapping file (source: ${framework.source.document}; ${framework.source.note}).`,
      "A failing finding covered by an approved policy exception (justification, approver, expiry) or an inline suppression with a reason is reported as an exception, not as a pass.",
      "Every file of this pack is listed with its SHA-256 in manifest.json, which is signed (in-toto Statement v1 in a DSSE envelope, Ed25519) in manifest.dsse.json. Run `gatehouse verify <pack.zip> --key <public.pem>` to check it offline.",
    ].join("\n"),
    { size: 9 },
  );
  return l.save(`${framework.name} as of ${input.asOf.slice(0, 10)}`);
}
