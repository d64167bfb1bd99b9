// npm, PyPI, crates.io and RubyGems accept OIDC trusted publishing from GitHub Actions: a
// short-lived credential bound to this repository and workflow. A stored publish token
// instead works from anywhere until someone revokes it.
import type { Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { at, finding } from "../evidence";
import { readsVar } from "../support/shell";
import { usesAction } from "../support/util";

interface Registry {
  name: string;
  /** Commands that publish (in `run:`). */
  command: RegExp;
  /** Environment variables or flags that carry the token. */
  tokenVars: readonly string[];
  /** Actions that publish, and the input that carries the token. */
  actions: ReadonlyArray<{ action: string; input: string }>;
  fix: string;
}

const REGISTRIES: readonly Registry[] = [
  {
    name: "npm",
    command: /\b(npm|pnpm|yarn(\s+npm)?)\s+publish\b/,
    tokenVars: ["NODE_AUTH_TOKEN", "NPM_TOKEN", "NPM_AUTH_TOKEN"],
    actions: [{ action: "js-devtools/npm-publish", input: "token" }],
    fix: "Configure npm trusted publishing for this workflow (npmjs.com → package settings → Trusted publishing), give the job `permissions: id-token: write`, and drop the token (`npm publish --provenance` then needs no secret).",
  },
  {
    name: "PyPI",
    command: /\b(twine\s+upload|uv\s+publish|poetry\s+publish|flit\s+publish|hatch\s+publish)\b/,
    tokenVars: [
      "TWINE_PASSWORD",
      "UV_PUBLISH_TOKEN",
      "UV_PUBLISH_PASSWORD",
      "POETRY_PYPI_TOKEN_PYPI",
      "FLIT_PASSWORD",
      "HATCH_INDEX_AUTH",
    ],
    actions: [{ action: "pypa/gh-action-pypi-publish", input: "password" }],
    fix: "Add this workflow as a trusted publisher on PyPI, give the job `permissions: id-token: write`, and remove `password:` (pypa/gh-action-pypi-publish and `uv publish` then use OIDC).",
  },
  {
    name: "crates.io",
    command: /\bcargo\s+publish\b/,
    tokenVars: ["CARGO_REGISTRY_TOKEN"],
    actions: [],
    fix: "Configure crates.io trusted publishing for this repository, add `rust-lang/crates-io-auth-action` (permissions: id-token: write) and pass its short-lived token to `cargo publish` instead of the stored one.",
  },
  {
    name: "RubyGems",
    command: /\bgem\s+push\b/,
    tokenVars: ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"],
    actions: [],
    fix: "Configure a trusted publisher on rubygems.org and publish with `rubygems/release-gem` (permissions: id-token: write) instead of a stored API key.",
  },
];

const fromSecret = (v: ScalarValue | undefined): string | null => {
  const ctx = v?.expressions.flatMap((e) => e.contexts).find((c) => c.toLowerCase().startsWith("secrets."));
  return ctx && ctx.toLowerCase() !== "secrets.github_token" ? ctx : null;
};

function envSecret(name: string, step: Step, job: Job, wf: Workflow): string | null {
  return fromSecret(step.env[name] ?? job.env[name] ?? wf.env[name]);
}

function stepFinding(wf: Workflow, job: Job, step: Step): { registry: Registry; secret: string } | null {
  for (const r of REGISTRIES) {
    for (const a of r.actions) {
      if (!usesAction(step, a.action)) continue;
      const secret = fromSecret(step.with[a.input]);
      if (secret) return { registry: r, secret };
    }
    const run = step.run?.value;
    if (!run || !r.command.test(run)) continue;
    // GitHub Packages uses the job's own token: not a long-lived publish token.
    if (/npm\.pkg\.github\.com/.test(run)) continue;
    for (const v of r.tokenVars) {
      const secret = envSecret(v, step, job, wf);
      if (secret) return { registry: r, secret };
    }
    const inline = step.run?.expressions
      .flatMap((e) => e.contexts)
      .find((c) => /^secrets\./i.test(c) && !/github_token$/i.test(c));
    if (inline && /--token|--password|-p\s/.test(run)) return { registry: r, secret: inline };
    if (r.name === "npm" && r.tokenVars.some((v) => readsVar(run, v))) {
      const secret = r.tokenVars.map((v) => envSecret(v, step, job, wf)).find(Boolean);
      if (secret) return { registry: r, secret };
    }
  }
  return null;
}

export const longLivedPublishToken = defineCheck({
  id: "long-lived-publish-token",
  title: "Packages are published with trusted publishing, not stored tokens",
  category: "secrets",
  severity: "medium",
  from: ["wf"],
  rationale:
    "A registry token stored as a secret publishes from anywhere until revoked; leaked from a log, a compromised action or a fork build, it lets anyone ship a release. npm, PyPI, crates.io and RubyGems support OIDC trusted publishing, whose credentials last minutes and only work from this workflow.",
  remediation:
    "Configure trusted publishing on the registry for this repository and workflow, grant the publishing job `id-token: write`, and delete the stored token.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    let publishes = 0;
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (
            REGISTRIES.some(
              (r) =>
                (step.run && r.command.test(step.run.value)) ||
                r.actions.some((a) => usesAction(step, a.action)),
            )
          )
            publishes++;
          const hit = stepFinding(wf, job, step);
          if (!hit) continue;
          findings.push(
            finding(
              `Job \`${job.id}\` publishes to ${hit.registry.name} with the stored token \`${hit.secret}\`; ${hit.registry.name} supports trusted publishing (OIDC).`,
              at(wf, (step.uses ?? step.run)?.pos ?? step.pos),
              hit.registry.fix,
            ),
          );
        }
      }
    }
    if (publishes === 0)
      return { findings, notApplicable: "No workflow publishes to npm, PyPI, crates.io or RubyGems." };
    return { findings };
  },
});
