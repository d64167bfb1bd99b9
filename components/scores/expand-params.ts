// What the repository page renders beyond its first view is chosen in the URL, like the
// filters: it works without JavaScript, by keyboard, and a link to it can be shared. Every
// byte of server-rendered markup is sent about 2.6 times (the HTML and the inline payload
// that repeats it), so the first view leaves out the details of the collapsed status
// sections (`show=…`) and the findings of a check past its first few (`all=<checkId>`).
import { serialiseFindingFilters, type FindingFilters } from "./finding-filters";

const COMPACT_SECTIONS = ["passing", "unknown", "not-applicable"] as const;
export type CompactSection = (typeof COMPACT_SECTIONS)[number];

/** Findings shown of a check before its "show all" link. */
const FINDINGS_SHOWN = 3;

/** A check's first few findings (a prefix, so indexes into its fingerprints hold), unless all are asked for. */
export function findingsShown<T>(findings: T[], all: boolean): { shown: T[]; hidden: number } {
  const shown = all ? findings : findings.slice(0, FINDINGS_SHOWN);
  return { shown, hidden: findings.length - shown.length };
}

export interface Expanded {
  show: CompactSection[];
  all: string[];
}

const list = (raw: string | string[] | undefined): string[] =>
  raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];

export function parseExpanded(params: Record<string, string | string[] | undefined>): Expanded {
  return {
    show: COMPACT_SECTIONS.filter((s) => list(params.show).includes(s)),
    // Check ids only, and a bounded number: the values are echoed into links.
    all: [...new Set(list(params.all).filter((id) => /^[a-z0-9-]{1,80}$/.test(id)))].slice(0, 50),
  };
}

/** The repository page's URL with these filters and expansions, jumping to `anchor`. */
export function repoPageHref(
  repo: string,
  filters: FindingFilters,
  expanded: Expanded,
  anchor: string,
): string {
  const query = serialiseFindingFilters(filters);
  for (const s of expanded.show) query.append("show", s);
  for (const id of expanded.all) query.append("all", id);
  const search = query.toString();
  return `/repos/${repo}${search ? `?${search}` : ""}#${anchor}`;
}
