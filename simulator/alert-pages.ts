import type { ServerResponse } from "node:http";
import type { SimContext } from "./context";
import { escapeHtml, sendText } from "./http";

// The web pages behind alerts' `html_url` (https://github.com/{owner}/{repo}/security/…/N):
// the dashboard links to them, so in the demo they must open something rather than 404.
// A plain page naming the alert; GitHub's real page is richer, but the link is the same.

const ALERT_PAGE = /^\/([^/]+)\/([^/]+)\/security\/(dependabot|secret-scanning)\/(\d+)$/;

/** Serves the page when `path` is an alert's html_url; false for any other path. */
export function serveAlertPage(ctx: SimContext, res: ServerResponse, path: string): boolean {
  const m = ALERT_PAGE.exec(path);
  if (!m) return false;
  const [, owner = "", name = "", kind, num] = m;
  const repo = ctx.repo(owner, name);
  const number = Number(num);
  const alert =
    kind === "dependabot"
      ? repo?.config.dependabotAlerts.find((a) => a.number === number)
      : repo?.config.secretScanningAlerts.find((a) => a.number === number);
  const full = `${escapeHtml(owner)}/${escapeHtml(name)}`;
  if (!repo || !alert) {
    page(res, 404, "Not Found", `<h1>Not Found</h1><p>No such alert in ${full}.</p>`);
    return true;
  }
  const what =
    "packageName" in alert
      ? `Dependabot alert #${number}: ${escapeHtml(alert.packageName)} (${escapeHtml(alert.severity)}, ${escapeHtml(alert.ghsaId)})`
      : `Secret scanning alert #${number}: ${escapeHtml(alert.secretType)}`;
  page(res, 200, what, `<p>${full}</p><h1>${what}</h1><p>State: ${escapeHtml(alert.state)}</p>`);
  return true;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  sendText(res, status, html, "text/html; charset=utf-8");
}
