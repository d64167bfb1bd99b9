// Download, then execute: a file fetched with `curl -o`/`-O`, `wget [-O]` or a redirect and
// later run (`sh f`, `bash f`, `./f`, `chmod +x f && ./f`, `python f`, `source f`). Commands
// are followed across `&&`/`;` chains, line continuations and — through a shared state —
// several scripts in order (a Dockerfile stage's RUN instructions). A checksum or
// signature check after the download and before the run makes it verified.

export interface DownloadState {
  /** Downloaded, not yet verified files (normalised path → true). */
  pending: Map<string, true>;
}

export const newDownloadState = (): DownloadState => ({ pending: new Map() });

const VERIFY =
  /\b(?:sha(?:1|256|512)sum|shasum|gpg\s+--verify|gpgv|cosign\s+verify(?:-blob)?|minisign\s+-V|slsa-verifier|Get-FileHash|certutil\s+-hashfile)\b/i;
const INTERPRETERS = /^(?:(?:ba|z|da|k|fi)?sh|python[0-9.]*|perl|ruby|node|pwsh|powershell|source|\.)$/;
const PREFIXES = new Set(["sudo", "env", "exec", "time", "nohup"]);

function tokens(command: string): string[] {
  return command
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "")
    .map((t) => t.replace(/^["']|["']$/g, ""));
}

const norm = (p: string): string => p.replace(/^\.\//, "").replace(/^["']|["']$/g, "");

function urlBase(tokens: string[]): string | undefined {
  const url = tokens.find((t) => /^https?:\/\//.test(t));
  if (!url) return undefined;
  const base = url.split(/[?#]/)[0]!.split("/").pop();
  return base || undefined;
}

/** The file a curl/wget command writes, if any (stdout `-` is not a file). */
export function downloadTarget(command: string): string | undefined {
  const t = tokens(command);
  while (t.length && (PREFIXES.has(t[0]!) || /^\w+=/.test(t[0]!))) t.shift();
  const tool = t[0];
  if (tool !== "curl" && tool !== "wget") return undefined;
  const redirect = /(?:^|[^>&0-9])>\s*([^\s>&|;]+)\s*$/.exec(command);
  if (redirect?.[1]) return norm(redirect[1]);
  for (let i = 1; i < t.length; i++) {
    const a = t[i]!;
    const long = tool === "curl" ? "--output" : "--output-document";
    if (a === long) return t[i + 1] && t[i + 1] !== "-" ? norm(t[i + 1]!) : undefined;
    if (a.startsWith(`${long}=`)) return norm(a.slice(long.length + 1));
    if (/^-[A-Za-z]+-?$/.test(a)) {
      const flag = tool === "curl" ? "o" : "O";
      const at = a.indexOf(flag);
      if (at !== -1) {
        const rest = a.slice(at + 1);
        const file = rest || t[i + 1];
        // `-O-` / `-O -`: the body goes to stdout (a pipe), not to a file.
        return file && file !== "-" ? norm(file) : undefined;
      }
      if (tool === "curl" && a.includes("O")) return urlBase(t);
    }
  }
  return tool === "wget" ? urlBase(t) : undefined;
}

/** The file a command executes, if it runs a file at all. */
export function executedFile(command: string): string | undefined {
  const t = tokens(command);
  while (t.length && (PREFIXES.has(t[0]!) || /^\w+=/.test(t[0]!) || /^-/.test(t[0]!))) t.shift();
  const first = t[0];
  if (!first) return undefined;
  if (INTERPRETERS.test(first.split("/").pop() ?? "")) {
    const file = t.slice(1).find((x) => !x.startsWith("-"));
    return file ? norm(file) : undefined;
  }
  if (first.startsWith("./") || first.startsWith("/")) return norm(first);
  return undefined;
}

export interface DownloadExecHit {
  /** The command that runs the downloaded file. */
  command: string;
  file: string;
}

/** Runs of downloaded, unverified files in one logical line's commands. */
export function downloadExecIn(line: string, state: DownloadState): DownloadExecHit[] {
  const out: DownloadExecHit[] = [];
  for (const command of line.split(/&&|\|\||;/)) {
    if (VERIFY.test(command)) {
      // `sha256sum -c sums.txt` names no file: it verifies what was fetched before it.
      const named = [...state.pending.keys()].filter((f) => command.includes(f.split("/").pop() ?? f));
      for (const f of named.length ? named : [...state.pending.keys()]) state.pending.delete(f);
      continue;
    }
    const target = downloadTarget(command);
    if (target) {
      state.pending.set(target, true);
      continue;
    }
    const run = executedFile(command);
    if (!run) continue;
    const hit = [...state.pending.keys()].find(
      (f) => f === run || f.split("/").pop() === run.split("/").pop(),
    );
    if (hit) out.push({ command: command.trim(), file: hit });
  }
  return out;
}
