// The OSCAL 1.0.6 assessment-results document of a pack. One observation per mapped
// check (what Gatehouse tested, with counts), one finding per control (its verdict,
// linked to the observations of its checks). Observations point at the evidence files,
// which back-matter lists with their SHA-256, so the document stands on its own.
import { catalogue } from "../../checks/catalogue";
import type { ControlSummary } from "../control-view";
import type { Framework } from "../frameworks/schema";
import { describeScope, type PackInput, type RepoStatuses, type ResultStatus } from "../input";
import { oscalControlId, stableUuid } from "./uuid";

export const OSCAL_VERSION = "1.0.6";
const NS = "https://gatehouse.dev/ns/oscal";

export interface EvidenceFileRef {
  path: string;
  sha256: string;
  mediaType: string;
  description: string;
}

export type CheckCounts = Record<string, Record<ResultStatus, number>>;

/** The framework's mapped checks with zero counts, for addCheckCounts to fill page by page. */
export function emptyCheckCounts(framework: Framework): CheckCounts {
  const out: CheckCounts = {};
  for (const id of new Set(framework.controls.flatMap((c) => c.checks)))
    out[id] = { pass: 0, fail: 0, unknown: 0, "not-applicable": 0, exception: 0 };
  return out;
}

export function addCheckCounts(counts: CheckCounts, repos: readonly RepoStatuses[]): void {
  for (const repo of repos)
    for (const r of repo.results) if (counts[r.check]) counts[r.check]![r.status] += 1;
}

function prop(name: string, value: string | number) {
  return { name, ns: NS, value: String(value) };
}

function countsText(c: Record<ResultStatus, number>): string {
  return `pass ${c.pass}, fail ${c.fail}, unknown ${c.unknown}, exception ${c.exception}, not applicable ${c["not-applicable"]}`;
}

export function buildAssessmentResults(
  input: Omit<PackInput, "repos">,
  framework: Framework,
  tally: { summaries: ControlSummary[]; counts: CheckCounts; repoCount: number },
  files: EvidenceFileRef[],
) {
  const { summaries, counts, repoCount } = tally;
  const seed = `${input.instance.name}|${input.framework}|${input.asOf}|${input.generatedAt}`;
  const resources = files.map((f) => ({
    uuid: stableUuid(seed, "resource", f.path),
    title: f.path,
    description: f.description,
    rlinks: [
      { href: f.path, "media-type": f.mediaType, hashes: [{ algorithm: "SHA-256", value: f.sha256 }] },
    ],
  }));
  const methodResource = {
    uuid: stableUuid(seed, "method"),
    title: "Gatehouse assessment method",
    description:
      "Automated tests of each repository's GitHub settings, workflows and files against the Gatehouse check catalogue; see report.pdf, section Method.",
  };
  const evidenceLinks = resources
    .filter((r) => r.title.startsWith("findings."))
    .map((r) => ({ href: `#${r.uuid}`, description: `Per-repository results in ${r.title}` }));
  const mapped = new Set(framework.controls.flatMap((c) => c.checks));
  const titles = new Map(catalogue.map((c) => [c.id, c.title]));
  const observations = [...mapped].sort().map((check) => ({
    uuid: stableUuid(seed, "observation", check),
    title: `Check ${check}`,
    description: `${titles.get(check) ?? check}: ${countsText(counts[check]!)} (of ${repoCount} repositories in scope).`,
    props: [
      prop("check-id", check),
      ...Object.entries(counts[check]!).map(([k, v]) => prop(`repos-${k}`, v)),
    ],
    methods: ["TEST"],
    types: ["finding"],
    "relevant-evidence": evidenceLinks.length
      ? evidenceLinks
      : [{ description: "No evidence file was produced for this check." }],
    collected: input.generatedAt,
  }));
  const obsUuid = new Map(observations.map((o, i) => [[...mapped].sort()[i]!, o.uuid]));
  const findings = summaries.map((s) => ({
    uuid: stableUuid(seed, "finding", s.id),
    title: `${s.id} ${s.title}`,
    description: `Repositories for ${s.id}: ${countsText(s.counts)}.`,
    props: [prop("control-label", s.id), prop("gatehouse-status", s.status)],
    target: {
      type: "objective-id",
      "target-id": oscalControlId(framework.id, s.id),
      status:
        s.status === "fail" || s.status === "unknown"
          ? { state: "not-satisfied", reason: s.status === "fail" ? "fail" : "other" }
          : { state: "satisfied", reason: "pass" },
    },
    "related-observations": s.checks.map((c) => ({ "observation-uuid": obsUuid.get(c)! })),
  }));
  return {
    "assessment-results": {
      uuid: stableUuid(seed, "assessment-results"),
      metadata: {
        title: `Gatehouse evidence: ${framework.name} (${framework.version}) as of ${input.asOf}`,
        "last-modified": input.generatedAt,
        version: input.instance.version,
        "oscal-version": OSCAL_VERSION,
        props: [prop("framework", framework.id), prop("scope", describeScope(input.scope))],
      },
      "import-ap": { href: `#${methodResource.uuid}` },
      results: [
        {
          uuid: stableUuid(seed, "result"),
          title: `${framework.name} posture as of ${input.asOf}`,
          description: `Latest scoring on or before ${input.asOf} for ${describeScope(input.scope)}.`,
          start: input.asOf,
          end: input.generatedAt,
          "reviewed-controls": {
            "control-selections": [
              {
                "include-controls": framework.controls.map((c) => ({
                  "control-id": oscalControlId(framework.id, c.id),
                })),
              },
            ],
          },
          ...(observations.length ? { observations } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      "back-matter": { resources: [methodResource, ...resources] },
    },
  };
}
