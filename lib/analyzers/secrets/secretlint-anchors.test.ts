import { lintSource } from "@secretlint/core";
import type * as SecretlintCore from "@secretlint/core";
import { rules } from "@secretlint/secretlint-rule-preset-recommend";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SECRETLINT_ANCHORS, anyHolds, mayHoldSecret } from "./secretlint-anchors";
import { extOf, scanSecrets } from "./scan-secrets";

// Counts engine runs without changing what the engine does.
vi.mock("@secretlint/core", async (importOriginal) => {
  const actual = await importOriginal<typeof SecretlintCore>();
  return { ...actual, lintSource: vi.fn(actual.lintSource) };
});
const engineRuns = () => vi.mocked(lintSource).mock.calls.length;
beforeEach(() => {
  vi.mocked(lintSource).mockClear();
});

// Secrets are assembled at run time so this file holds no token-shaped literal.
const alnum = (n: number) => "aB3dE5gH7j".repeat(Math.ceil(n / 10)).slice(0, n);
const pw = alnum(12);
/** `ops_` + base64 of a JSON object whose last quantum is the lone `}` ("fQ=="), as the rule wants. */
function onePasswordToken(): string {
  let pad = "x".repeat(90);
  while (`{"email":"bot@acme.io","k":"${pad}"}`.length % 3 !== 1) pad += "x";
  return `ops_${btoa(`{"email":"bot@acme.io","k":"${pad}"}`)}`;
}

type Sample = { path: string; text: string };
/** For each rule of the preset, texts that rule reports on its own. */
const SAMPLES: Record<string, Sample[]> = {
  "@secretlint/secretlint-rule-aws": [
    { path: "deploy/app.env", text: `AWS_SECRET_ACCESS_KEY=${"aB3/+x9Zq0".repeat(4)}\n` },
    { path: "config/aws.yaml", text: `"Secret_Access_Key": "${"Zq0aB3/+x9".repeat(4)}"\n` },
  ],
  "@secretlint/secretlint-rule-gcp": [
    {
      path: "deploy/sa.json",
      text: `{"private_key_id":"1","private_key":"-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----\\n"}`,
    },
    // JSON.parse turns the escape into "PRIVATE KEY": the literal is nowhere in the text.
    {
      path: "deploy/sa-escaped.json",
      text: `{"private_key_id":"1","private_key":"-----BEGIN \\u0050RIVATE KEY-----\\nabc\\n"}`,
    },
  ],
  "@secretlint/secretlint-rule-privatekey": [
    {
      path: "deploy/key.yaml",
      text: `key: |\n-----BEGIN RSA PRIVATE KEY-----\nMII${"A".repeat(120)}\n-----END RSA PRIVATE KEY-----\n`,
    },
  ],
  "@secretlint/secretlint-rule-npm": [
    { path: "package.json", text: `{"repository":"https://${alnum(40)}:x-oauth-basic@github.com/acme/app"}` },
    { path: ".npmrc", text: `//registry.npmjs.org/:_authToken=${alnum(36)}\n` },
    { path: "ci.yml", text: `token: npm_${alnum(36)}\n` },
  ],
  "@secretlint/secretlint-rule-basicauth": [
    { path: "ci.yml", text: `url: https://deploy:${pw}@git.acme.io/x\n` },
  ],
  "@secretlint/secretlint-rule-slack": [
    // Every prefix the rule's alternation lists.
    ...["xoxb", "xoxp", "xapp", "xoxa", "xoxo", "xoxr"].map((p) => ({
      path: "ci.yml",
      text: `token: ${p}-1234567890-${alnum(24)}\n`,
    })),
    {
      path: "ci.yml",
      text: `hook: HTTPS://HOOKS.SLACK.COM/SERVICES/T${alnum(8)}/B${alnum(8)}/${alnum(24)}\n`,
    },
  ],
  "@secretlint/secretlint-rule-sendgrid": [{ path: "ci.yml", text: `key: SG.${alnum(22)}.${alnum(43)}\n` }],
  "@secretlint/secretlint-rule-shopify": ["shppa", "shpca", "shpat", "shpss"].map((p) => ({
    path: "ci.yml",
    text: `key: ${p}_${alnum(32)}\n`,
  })),
  "@secretlint/secretlint-rule-github": [
    ...["ghp", "gho", "ghu", "ghs", "ghr"].map((p) => ({
      path: "ci.yml",
      text: `token: ${p}_${alnum(36)}\n`,
    })),
    { path: "ci.yml", text: `token: github_pat_${alnum(82)}\n` },
  ],
  "@secretlint/secretlint-rule-openai": [
    { path: "ci.yml", text: `key: sk-${alnum(20)}T3BlbkFJ${alnum(20)}\n` },
  ],
  "@secretlint/secretlint-rule-anthropic": [{ path: "ci.yml", text: `key: sk-ant-api03-${alnum(93)}AA\n` }],
  "@secretlint/secretlint-rule-linear": [{ path: "ci.yml", text: `key: lin_api_${alnum(40)}\n` }],
  "@secretlint/secretlint-rule-1password": [{ path: "ci.yml", text: `token: ${onePasswordToken()}\n` }],
  "@secretlint/secretlint-rule-database-connection-string": [
    { path: "ci.yml", text: `url: postgres://app:${pw}@db.acme.io:5432/app\n` },
    { path: "ci.yml", text: `url: POSTGRESQL://APP:${pw}@DB/APP\n` },
    { path: "ci.yml", text: `url: mongodb+srv://app:${pw}@cluster0.acme.net/db\n` },
    { path: "ci.yml", text: `url: jdbc:mysql://app:${pw}@db/app\n` },
  ],
};
/** Rules that only remove findings (secretlint-disable comments): they need no anchor. */
const FILTERS = ["@secretlint/secretlint-rule-filter-comments"];

async function reportsOfRule(ruleId: string, { path, text }: Sample) {
  const rule = rules.find((r) => r.meta.id === ruleId)!;
  const result = await lintSource({
    source: { filePath: `/repo/${path}`, content: text, contentType: "text", ext: extOf(path) },
    options: { noPhysicFilePath: true, config: { rules: [{ id: ruleId, rule }] } },
  });
  return result.messages.filter((m) => m.type === "message");
}

describe("secretlint anchors", () => {
  it("cover every rule of the preset, each reporting rule with samples", () => {
    const ids = rules.map((r) => r.meta.id).sort();
    expect(Object.keys(SECRETLINT_ANCHORS).sort()).toEqual(ids);
    expect([...Object.keys(SAMPLES), ...FILTERS].sort()).toEqual(ids);
  });

  describe.each(Object.entries(SAMPLES))("%s", (ruleId, samples) => {
    it.each(samples.map((s, i) => [i, s] as const))(
      "sample %i: reported alone, let through, found",
      async (_, s) => {
        // The sample is a real detection of this rule, with the prefilter nowhere involved…
        expect((await reportsOfRule(ruleId, s)).length).toBeGreaterThan(0);
        // …its own anchor holds (not merely another rule's)…
        expect(anyHolds(SECRETLINT_ANCHORS[ruleId]!, s.text, extOf(s.path))).toBe(true);
        // …and the full scan, prefilter included, still finds it.
        const scan = await scanSecrets([s]);
        expect(scan.hits.map((h) => h.ruleId)).toContain(ruleId);
      },
    );
  });

  it("filter rules report nothing on their own", async () => {
    const text = `# secretlint-disable\ntoken: ghp_${alnum(36)}\n# secretlint-enable\n`;
    for (const id of FILTERS) {
      expect(await reportsOfRule(id, { path: "ci.yml", text })).toEqual([]);
      expect(SECRETLINT_ANCHORS[id]).toEqual([]);
    }
  });
});

describe("scanSecrets prefilter", () => {
  // Secret references and token-free look-alikes, as real workflows have them.
  const clean = [
    "on: push",
    "jobs:",
    "  publish:",
    "    runs-on: ubuntu-latest",
    "    env:",
    "      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
    "      DATABASE_URL: postgres://postgres@localhost:5432/test",
    "    steps:",
    "      - run: echo '//registry.npmjs.org/:_authToken=${NODE_AUTH_TOKEN}' > .npmrc",
    "      - run: npm_config_yes=true npx publish",
    "",
  ].join("\n");

  it("skips the engine for a file no rule could report on, and still counts it scanned", async () => {
    expect(mayHoldSecret(clean, ".yml")).toBe(false);
    const scan = await scanSecrets([{ path: ".github/workflows/publish.yml", text: clean }]);
    expect(engineRuns()).toBe(0);
    expect(scan).toEqual({ hits: [], scanned: [".github/workflows/publish.yml"], skipped: [] });
  });

  it("runs the engine once for a file with an anchor", async () => {
    const text = `${clean}      - run: echo ghp_${alnum(36)}\n`;
    const scan = await scanSecrets([{ path: ".github/workflows/publish.yml", text }]);
    expect(engineRuns()).toBe(1);
    expect(scan.hits.map((h) => [h.line, h.masked])).toEqual([[11, "ghp_****"]]);
  });
});
