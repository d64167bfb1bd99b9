// Downloaded code executed without verification: `curl … | sh`, `bash <(curl …)`,
// `sh -c "$(curl …)"`, PowerShell `iwr … | iex`, and tools fetched from moving URLs
// (…/latest/…, a branch of raw.githubusercontent.com) with no checksum check.
import { downloadExecIn, newDownloadState, type DownloadState } from "./download-exec";
import { logicalLines } from "./kinds";

export interface RemoteExecHit {
  kind: "pipe-to-shell" | "unpinned-download" | "download-exec";
  /** Index of the (first) script line. */
  index: number;
  text: string;
  confidence: "high" | "medium" | "low";
}

const SHELL =
  "(?:sudo\\s+(?:-\\S+\\s+)*)?(?:env\\s+(?:\\S+=\\S*\\s+)*)?(?:/\\S*/)?(?:ba|z|da|k|fi)?sh\\b|(?:sudo\\s+)?(?:python[23]?|perl|ruby|node)\\s+-(?:\\s|$)|(?:sudo\\s+)?(?:python[23]?|perl|ruby|node)\\s*$";
const PIPE = new RegExp(`\\b(?:curl|wget)\\b[^|\\n]*\\|\\s*(?:${SHELL})`);
const SUBST =
  /\b(?:ba|z|da|k)?sh\s+<\(\s*(?:curl|wget)\b|\b(?:source|\.)\s+<\(\s*(?:curl|wget)\b|\b(?:ba|z)?sh\s+-c\s+["']?\$\(\s*(?:curl|wget)\b|\beval\s+["']?\$\(\s*(?:curl|wget)\b/;
const POWERSHELL =
  /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|\n]*\|\s*(?:iex|invoke-expression)\b|\b(?:iex|invoke-expression)\s*\(?\s*\(?\s*(?:new-object\s+net\.webclient\)?\.downloadstring|iwr|irm|invoke-webrequest|invoke-restmethod)\b/i;

const DOWNLOAD =
  /\b(?:curl|wget)\b[^\n]*https?:\/\/\S*(?:\/releases\/latest\/|\/latest\/download\/|raw\.githubusercontent\.com\/[^/\s]+\/[^/\s]+\/(?:master|main|HEAD)\/|\/-\/raw\/(?:master|main)\/)/;
const VERIFIED =
  /\b(?:sha(?:1|256|512)sum|shasum|gpg\s+--verify|cosign\s+verify|minisign\s+-V|slsa-verifier|--checksum|Get-FileHash|certutil\s+-hashfile)\b/i;
const FETCHES = /curl|wget|iwr|irm|invoke-|downloadstring|git\+/i;
const PIP_GIT = /\bpip3?\s+install\b[^\n]*\bgit\+https?:\/\/[^\s@]+(?:\.git)?(?:\s|$)/;

/** `state` carries downloads from earlier scripts (a Dockerfile stage's previous RUNs). */
export function remoteExecHits(script: string, state: DownloadState = newDownloadState()): RemoteExecHit[] {
  if (script.length > 500_000) return [];
  // Every hit needs a fetch in this script or a download pending from an earlier one.
  if (state.pending.size === 0 && !FETCHES.test(script)) return [];
  const lines = logicalLines(script);
  const verified = VERIFIED.test(script);
  const out: RemoteExecHit[] = [];
  for (const l of lines) {
    const text = l.text.length > 20_000 ? l.text.slice(0, 20_000) : l.text;
    if (/^\s*#/.test(text)) continue;
    const ran = downloadExecIn(text, state);
    if (PIPE.test(text) || SUBST.test(text) || POWERSHELL.test(text)) {
      out.push({ kind: "pipe-to-shell", index: l.index, text: text.trim(), confidence: "high" });
    } else if (!verified && DOWNLOAD.test(text)) {
      out.push({ kind: "unpinned-download", index: l.index, text: text.trim(), confidence: "medium" });
    } else if (ran.length > 0) {
      out.push({ kind: "download-exec", index: l.index, text: text.trim(), confidence: "high" });
    } else if (PIP_GIT.test(text)) {
      out.push({ kind: "unpinned-download", index: l.index, text: text.trim(), confidence: "medium" });
    }
  }
  return out;
}
