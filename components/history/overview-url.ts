// The overview's whole state lives in its URL (shareable views). One helper builds every
// link from the current parameters plus changes; an undefined or empty value removes the
// parameter, and any change other than the page itself sends the table back to page 1.
export type Params = Record<string, string | undefined>;

export function overviewHref(current: Params, changes: Params, path = "/"): string {
  const next: Params = { ...current, ...changes };
  if (!("page" in changes)) delete next.page;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== "") params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Flattens Next's searchParams (arrays take their first value). */
export function flatParams(raw: Record<string, string | string[] | undefined>): Params {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
