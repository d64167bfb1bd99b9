// `<data-dir>/demo.env`: the environment the demo's web app runs with, so commands can
// join a running demo — `set -a; . .data/demo.env; set +a; npx gatehouse api-keys create …`
// — on the embedded database too (its URL names the socket the demo serves it on, valid
// while the demo runs). It holds secrets: written 0600, rewritten on every start.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** POSIX shell single quoting: safe for any value, including quotes and `$`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function formatEnvFile(env: Record<string, string>): string {
  const lines = Object.entries(env).map(([k, v]) => {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(k)) throw new Error(`not an environment variable name: ${k}`);
    return `${k}=${shellQuote(v)}`;
  });
  return `# Written by \`npm run demo\`: the environment of the running demo's web app.\n# Use: set -a; . <this file>; set +a\n${lines.join("\n")}\n`;
}

export function writeDemoEnv(dataDir: string, env: Record<string, string>): string {
  const file = path.join(dataDir, "demo.env");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, formatEnvFile(env), { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode on write
  return file;
}
