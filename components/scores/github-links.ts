// Links from evidence to GitHub's web UI: the connection stores the API base URL
// (https://api.github.com, or https://<ghes>/api/v3), the web UI lives at its host.

/** The web base URL for an API base URL. */
export function webBaseUrl(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  const path = url.pathname.replace(/\/+$/, "").replace(/\/api\/v3$/, "");
  return `${url.origin}${path}`;
}

/** The file and line at the synced commit (or the default branch when no commit is known). */
export function blobUrl(
  web: string,
  repo: string,
  ref: string | null,
  file: string,
  line?: number,
): string | null {
  if (!ref) return null;
  const path = file.split("/").map(encodeURIComponent).join("/");
  return `${web}/${repo}/blob/${encodeURIComponent(ref)}/${path}${line ? `#L${line}` : ""}`;
}
