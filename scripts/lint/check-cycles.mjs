// `npm run lint:cycles`: fails on any import cycle between files, and on any cycle between
// packages (a lib/ package such as lib/server, or a top-level folder such as simulator/).
// File cycles make module initialisation order fragile; package cycles mean a layer
// reaches back up the stack, which is how layering quietly erodes.
import { parseDependencyTree, parseCircular } from "dpdm";
import path from "node:path";

const GLOBS = [
  "app/**/*.{ts,tsx}",
  "components/**/*.{ts,tsx}",
  "lib/**/*.{ts,tsx}",
  "cli/**/*.ts",
  "scripts/**/*.{ts,mts}",
  "simulator/**/*.ts",
  "testing/**/*.ts",
  "bench/**/*.ts",
  "prisma/**/*.ts",
  "e2e/**/*.ts",
  "proxy.ts",
  "instrumentation.ts",
];

// Test code (as eslint.config.mjs defines it: tests, test kits, fixtures) is not part of the product graph.
const TEST_FILE = /\.(test|spec)\.tsx?$|(^|\/)__fixtures__\/|(^|\/)test-kit\.ts$/;

/** lib/<pkg>/… → "lib/<pkg>"; other/… → "other"; root files → the file. */
export function packageOf(file) {
  const parts = file.split("/");
  if (parts[0] === "lib" && parts.length > 2) return `lib/${parts[1]}`;
  if (parts[0] === "lib") return file.replace(/\.tsx?$/, "");
  return parts.length > 1 ? parts[0] : file;
}

/** Strongly connected components with more than one member (Tarjan). */
export function packageCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  let i = 0;
  const visit = (v) => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

export async function findCycles(cwd, globs = GLOBS) {
  const tree = await parseDependencyTree(globs, {
    context: cwd,
    transform: false,
    skipDynamicImports: false,
  });
  // Prisma's generated client has internal cycles by design; it is not our code.
  const files = parseCircular(tree, true).filter((c) => !c.some((f) => f.startsWith("lib/generated/")));
  const edges = new Map();
  const why = new Map();
  for (const [from, deps] of Object.entries(tree)) {
    // Tests sit at the top of the graph (nothing imports them), so they close no real cycle.
    if (TEST_FILE.test(from)) continue;
    for (const dep of deps ?? []) {
      if (!dep.id || dep.id.includes("node_modules")) continue;
      const a = packageOf(from);
      const b = packageOf(path.relative(cwd, path.resolve(cwd, dep.id)));
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a).add(b);
      why.set(`${a} -> ${b}`, `${from} imports ${dep.id}`);
    }
  }
  const packages = packageCycles(edges).map((scc) => ({
    packages: scc,
    examples: [...why]
      .filter(([k]) => scc.some((a) => scc.some((b) => k === `${a} -> ${b}`)))
      .map(([, v]) => v),
  }));
  return { files, packages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, packages } = await findCycles(
    process.cwd(),
    process.argv.length > 2 ? process.argv.slice(2) : GLOBS,
  );
  for (const c of files) console.error(`file cycle: ${c.join(" -> ")} -> ${c[0]}`);
  for (const c of packages)
    console.error(`package cycle: ${c.packages.join(" <-> ")}\n  ${c.examples.join("\n  ")}`);
  if (files.length || packages.length) process.exit(1);
  console.log("No import cycles between files or packages.");
}
