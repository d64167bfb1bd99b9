// `gatehouse scan` flags: parsed by node:util (unknown flags are errors), validated by zod.
import { parseArgs } from "node:util";
import { z } from "zod";
import { SEVERITIES } from "@/lib/checks/types";

export const SCAN_USAGE = `Usage: gatehouse scan <dir> [options]

Scans a checkout's workflows and config files and reports findings.

Options:
  --format table|json|sarif   output format (default: table)
  --fail-on critical|high|medium|low
                              exit 1 when a non-suppressed finding at or above this
                              severity exists (default: report only, exit 0)
  --output <file>             write the report to a file instead of stdout
  --exclude <glob>            leave matching paths out (repeatable; adds to .gatehouseignore)
  --max-file-kb <n>           skip analysed files larger than this (default: 1024)
  --github-token <token>      online mode: ask GitHub about the actions used (impostor
                              commits, tags behind version comments, archived actions,
                              advisories, exact SHAs for unpinned-action fixes); the
                              GITHUB_TOKEN environment variable does the same and keeps
                              the token out of the process list
  --github-api-url <url>      GitHub's REST API for online mode, e.g.
                              https://ghes.example.com/api/v3 (default: https://api.github.com)
  -h, --help                  show this help

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage error, 3 internal error.`;

const FLAG_NAMES: Record<string, string> = {
  dir: "<dir>",
  format: "--format",
  failOn: "--fail-on",
  output: "--output",
  exclude: "--exclude",
  maxFileKb: "--max-file-kb",
  githubToken: "--github-token",
  githubApiUrl: "--github-api-url",
};

const ScanFlagsSchema = z.object({
  dir: z.string({ error: "missing the directory to scan" }).min(1, "missing the directory to scan"),
  format: z.enum(["table", "json", "sarif"]).default("table"),
  failOn: z.enum(SEVERITIES).optional(),
  output: z.string().min(1).optional(),
  exclude: z.array(z.string().min(1)).default([]),
  maxFileKb: z.coerce
    .number()
    .int()
    .positive()
    .max(100 * 1024)
    .default(1024),
  githubToken: z.string().trim().min(1, "must not be empty").optional(),
  githubApiUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://ghes.example.com/api/v3" })
    .transform((u) => u.replace(/\/+$/, ""))
    .default("https://api.github.com"),
});

export type ScanFlags = z.infer<typeof ScanFlagsSchema>;

export type ParsedScanArgs =
  { kind: "help" } | { kind: "error"; message: string } | { kind: "ok"; flags: ScanFlags };

/** `env` supplies GITHUB_TOKEN when --github-token is not given (the flag wins). */
export function parseScanArgs(argv: string[], env: Record<string, string | undefined> = {}): ParsedScanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        "fail-on": { type: "string" },
        output: { type: "string", short: "o" },
        exclude: { type: "string", multiple: true },
        "max-file-kb": { type: "string" },
        "github-token": { type: "string" },
        "github-api-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    return { kind: "error", message: err instanceof Error ? err.message : String(err) };
  }
  if (parsed.values.help) return { kind: "help" };
  if (parsed.positionals.length > 1) {
    return {
      kind: "error",
      message: `expected one directory, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}`,
    };
  }
  const result = ScanFlagsSchema.safeParse({
    dir: parsed.positionals[0],
    format: parsed.values.format,
    failOn: parsed.values["fail-on"],
    output: parsed.values.output,
    exclude: parsed.values.exclude,
    maxFileKb: parsed.values["max-file-kb"],
    githubToken: parsed.values["github-token"] ?? (env.GITHUB_TOKEN || undefined),
    githubApiUrl: parsed.values["github-api-url"],
  });
  if (!result.success) {
    const message = result.error.issues
      .map((i) => {
        const key = String(i.path[0] ?? "");
        return `${FLAG_NAMES[key] ?? key}: ${i.message}`;
      })
      .join("; ");
    return { kind: "error", message };
  }
  return { kind: "ok", flags: result.data };
}
