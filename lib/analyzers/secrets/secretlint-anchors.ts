// A necessary condition for each rule of the secretlint preset we run: a rule can only report
// if its anchor matches the text, so a text that matches no anchor cannot yield a finding and
// the engine (per file: a source index, event emitters, 15 rules, 0.3–0.5 ms) is skipped.
// Almost no workflow or configuration file holds anything token-shaped.
//
// Each anchor is read off the rule's own source, in
// node_modules/@secretlint/secretlint-rule-preset-recommend/module/index-*.js (11.7.1): it keeps
// a fixed part every reporting match must contain and drops what only narrows the match
// (lookarounds, \b, length bounds, optional prefixes, the checks run after matching), so it
// matches a superset of what the rule reports. Case-insensitive where the rule is (/i) or
// accepts several casings. secretlint-anchors.test.ts proves, for every rule in the preset, that
// a secret the rule reports passes the prefilter; re-read this table when upgrading secretlint.

/** `text` must match; when `ext` is set, only files with that extension can match at all. */
export interface Anchor {
  text: RegExp;
  ext?: string;
}

export const SECRETLINT_ANCHORS: Readonly<Record<string, readonly Anchor[]>> = {
  // reportAWSSecretAccessKey: `(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)`,
  // quote, `\s*(?::|=>|=)\s*`, quote, `[A-Za-z0-9/\+=]{40}`. The ID and account-ID scans only
  // run with `enableIDScanRule`, which our config (scan-secrets.ts) does not set.
  "@secretlint/secretlint-rule-aws": [
    { text: /secret_?access_?key["']?\s*(?::|=>|=)\s*["']?[A-Za-z0-9/+=]{40}/i },
  ],
  // Only `.p12` (read from disk, always let through) and `.json` (JSON.parse, then
  // /-----BEGIN\s?(…)?\s?PRIVATE KEY/ on `private_key`). Parsing can only turn text into
  // "PRIVATE KEY" through a \u escape, so a JSON text holding neither cannot match.
  "@secretlint/secretlint-rule-gcp": [
    { ext: ".p12", text: /(?:)/ },
    { ext: ".json", text: /PRIVATE KEY|\\u/ },
  ],
  // PEM_CONTENT_PATTERN: `-----BEGIN[ ]?(…)?PRIVATE KEY(?: BLOCK)?-----…` (case-sensitive).
  "@secretlint/secretlint-rule-privatekey": [{ text: /PRIVATE KEY/ }],
  // XOAuthPattern `:x-oauth-basic@github.com\/` (package files), AuthTokenPattern
  // `_authToken=([^$].*)` (.npmrc), NPM_ACCESS_TOKEN_PATTERN `npm_[A-Za-z0-9_]{36}` (any file).
  "@secretlint/secretlint-rule-npm": [{ text: /x-oauth-basic@github|_authToken=[^$]|npm_[A-Za-z0-9_]{36}/ }],
  // URL_PATTERN: `(?:https?|ftp|ftps):\/\/([-a-zA-Z0-9_]{1,256}):([-a-zA-Z0-9_]{1,256})@…`.
  "@secretlint/secretlint-rule-basicauth": [{ text: /:\/\/[-\w]+:[-\w]+@/ }],
  // SLACK_TOKEN_PATTERN `(?:xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-…`; IncomingWebhooksPattern
  // `https:\/\/hooks\.slack\.com\/services\/…` with /gi.
  "@secretlint/secretlint-rule-slack": [
    { text: /xox[bparo]-|xapp-/ },
    { text: /hooks\.slack\.com\/services\//i },
  ],
  // SENDGRID_KEY_PATTERN: `SG\.\w{1,128}\.…` (case-sensitive).
  "@secretlint/secretlint-rule-sendgrid": [{ text: /SG\.\w/ }],
  // SHOPIFY_KEY_PATTERN: `(shppa|shpca|shpat|shpss)_[a-zA-Z0-9]{32,64}`.
  "@secretlint/secretlint-rule-shopify": [{ text: /shp(?:pa|ca|at|ss)_[a-zA-Z0-9]{32}/ }],
  // CLASSIC_GITHUB_TOKEN_PATTERN `(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}`,
  // FINE_GRAINED_GITHUB_TOKEN_PATTERN `github_pat_[A-Za-z0-9_]{82}`.
  "@secretlint/secretlint-rule-github": [{ text: /gh[pousr]_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82}/ }],
  // Both alternatives hold the literal `T3BlbkFJ` ("OpenAI" in base64).
  "@secretlint/secretlint-rule-openai": [{ text: /T3BlbkFJ/ }],
  // `sk-ant-api0\d-[A-Za-z0-9_-]{90,128}AA`.
  "@secretlint/secretlint-rule-anthropic": [{ text: /sk-ant-api0/ }],
  // `lin_api_[a-zA-Z0-9_]{32,128}`.
  "@secretlint/secretlint-rule-linear": [{ text: /lin_api_/ }],
  // `ops_(ey[A-Za-z0-9+/=]{100,1280}fQ={0,2})`.
  "@secretlint/secretlint-rule-1password": [{ text: /ops_ey/ }],
  // MONGODB_PATTERN, MYSQL_URI_PATTERN, POSTGRESQL_URI_PATTERN (all /gi): a report needs the
  // optional `user:password@` part, `([^:\/\s]{1,100}):([^@\/\s]{1,200})@`, to have matched.
  "@secretlint/secretlint-rule-database-connection-string": [
    { text: /(?:mongodb(?:\+srv)?|mysqlx?|postgres(?:ql)?):\/\/[^:/\s]+:[^@/\s]+@/i },
  ],
  // Only ever ignores (secretlint-disable comments): it removes findings, never adds one.
  "@secretlint/secretlint-rule-filter-comments": [],
};

/** Whether any of `anchors` holds for a text with extension `ext`. */
export function anyHolds(anchors: readonly Anchor[], text: string, ext: string): boolean {
  return anchors.some((a) => (a.ext === undefined || a.ext === ext) && a.text.test(text));
}

// The anchors that hold for any extension, joined into one regex per flag set: one pass
// over the text instead of one per anchor (19 µs instead of 33 µs a 4 KB workflow, measured).
const all = Object.values(SECRETLINT_ANCHORS).flat();
const general = all.filter((a) => a.ext === undefined);
const joined = [...new Set(general.map((a) => a.text.flags))].map((flags) => {
  const sources = general.filter((a) => a.text.flags === flags).map((a) => `(?:${a.text.source})`);
  return new RegExp(sources.join("|"), flags);
});
const byExt = all.filter((a) => a.ext !== undefined);

/** False only when no rule of the preset could report on this text: secretlint need not run. */
export function mayHoldSecret(text: string, ext: string): boolean {
  return joined.some((re) => re.test(text)) || anyHolds(byExt, text, ext);
}
