// The repository page's filters (category, severity, status) live in the URL, so a
// filtered view can be shared; unknown values are ignored rather than failing the page.
import { CATEGORIES, SEVERITIES, type Category, type CheckResult, type Severity } from "@/lib/checks/types";

export const STATUS_FILTERS = ["fail", "accepted", "pass", "unknown", "not-applicable"] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface FindingFilters {
  category: Category | null;
  severity: Severity | null;
  status: StatusFilter | null;
}

const pick = <T extends string>(allowed: readonly T[], raw: string | string[] | undefined): T | null => {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
};

export function parseFindingFilters(params: Record<string, string | string[] | undefined>): FindingFilters {
  return {
    category: pick(CATEGORIES, params.category),
    severity: pick(SEVERITIES, params.severity),
    status: pick(STATUS_FILTERS, params.status),
  };
}

/** The filters as URL parameters (unset ones left out), for links that keep the view. */
export function serialiseFindingFilters(filters: FindingFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["category", "severity", "status"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  return query;
}

function statusOf(result: CheckResult): StatusFilter {
  if (result.status === "pass" && result.findings.some((f) => f.suppressed)) return "accepted";
  return result.status;
}

/** The results the filters keep; severity matches the check's or any finding's own severity. */
export function filterResults<R extends CheckResult>(results: R[], filters: FindingFilters): R[] {
  return results.filter(
    (r) =>
      (!filters.category || r.category === filters.category) &&
      (!filters.status || statusOf(r) === filters.status) &&
      (!filters.severity ||
        r.severity === filters.severity ||
        r.findings.some((f) => f.severity === filters.severity)),
  );
}
