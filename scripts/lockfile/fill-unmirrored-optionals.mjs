// Our package registry mirror lacks some platform-specific optional packages at the
// exact versions their parents pin (e.g. @next/swc-darwin-arm64@16.4.6). `npm install`
// then leaves them out of package-lock.json, and `npm ci` refuses the lockfile as
// "Missing: … from lock file". This adds lockfile entries for every optional dependency
// that targets another platform and is absent, with the version the parent pins and the
// os/cpu read from its name, so `npm ci` skips them on this platform as it would with a
// complete lockfile. On a machine with the full registry, `npm install` records the real
// entries (with integrity) instead. Run after any dependency change:
//   node scripts/lockfile/fill-unmirrored-optionals.mjs          (fix)
//   node scripts/lockfile/fill-unmirrored-optionals.mjs --check  (exit 1 if entries are missing)
import { readFileSync, writeFileSync } from "node:fs";

const OS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "openbsd",
  "openharmony",
  "sunos",
  "win32",
  "aix",
  "netbsd",
  "wasm32",
];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasi"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p) || p.startsWith("arm") || p === "x64");
  if (!os) return null;
  if (os === "wasm32") return { cpu: ["wasm32"] };
  const libc =
    parts.includes("musl") || parts.includes("musleabihf")
      ? ["musl"]
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? ["glibc"]
        : undefined;
  return {
    os: [os],
    cpu: [
      cpu === "arm" || parts.includes("gnueabihf") || parts.includes("musleabihf") || parts.includes("eabi")
        ? "arm"
        : cpu,
    ],
    ...(libc ? { libc } : {}),
  };
}

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const pkgs = lock.packages;
let added = 0;
for (const [where, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = where ? `${where}/node_modules/${dep}` : `node_modules/${dep}`;
    if (pkgs[base] || pkgs[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    pkgs[`node_modules/${dep}`] = { version: spec, optional: true, ...platform };
    added++;
  }
}
if (process.argv.includes("--check")) {
  if (added > 0)
    console.error(
      `package-lock.json lacks ${added} optional platform entries: npm ci would fail. Run node scripts/lockfile/fill-unmirrored-optionals.mjs`,
    );
  process.exit(added > 0 ? 1 : 0);
}
// New entries go last; npm re-sorts the file the next time it writes it.
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
