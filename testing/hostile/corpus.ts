// The hostile-input corpus: files an attacker controls in a repository Gatehouse reads
// (by `gatehouse scan` or by sync). Kept as code so the large cases are generated at
// test time rather than committed; each case names what it attacks. Every case must
// end as a recorded, bounded error naming the file, and leave every other file's
// results as they would be without it (cli/scan/hostile.test.ts, lib/sync/hostile.integration.test.ts).

export interface HostileFile {
  /** What the case attacks. */
  name: string;
  /** Path inside the repository. */
  path: string;
  content: Buffer;
  /**
   * "error": not analysed, recorded with a bounded reason naming the file.
   * "data": legitimate YAML that only looks dangerous (`__proto__` as a job id): analysed
   * as plain data, with findings, and no prototype touched.
   */
  outcome: "error" | "data";
}

const text = (s: string) => Buffer.from(s, "utf8");
const WF = ".github/workflows";

/** Billion laughs: 10 levels of 150 aliases each (150^10 nodes if expanded). */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 150 }, () => `*a${i - 1}`).join(",")}]`);
  lines.push("on: push", "jobs:", "  bomb:", "    runs-on: *a9", "    steps:", "      - run: echo *a9");
  return lines.join("\n") + "\n";
}

/** A workflow of `bytes` bytes of plausible YAML (10 MB by default): generated, never committed. */
export function hugeWorkflow(bytes = 10 * 1024 * 1024): string {
  const head = "on: push\njobs:\n  big:\n    runs-on: ubuntu-latest\n    steps:\n";
  const step = "      - run: echo padding-padding-padding-padding-padding-padding\n";
  return head + step.repeat(Math.ceil((bytes - head.length) / step.length));
}

export function hostileFiles(): HostileFile[] {
  return [
    { name: "YAML alias bomb", path: `${WF}/alias-bomb.yml`, content: text(aliasBomb()), outcome: "error" },
    { name: "10 MB workflow", path: `${WF}/huge.yml`, content: text(hugeWorkflow()), outcome: "error" },
    {
      name: "10,000-deep flow nesting",
      path: `${WF}/deep-flow.yml`,
      content: text(`on: push\njobs: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
      outcome: "error",
    },
    {
      name: "10,000-deep mapping nesting",
      path: `${WF}/deep-map.yml`,
      content: text(`on: push\njobs: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`),
      outcome: "error",
    },
    {
      name: "__proto__ and constructor keys",
      path: `${WF}/proto.yml`,
      content: text(
        [
          "on: push",
          "__proto__: { polluted: true }",
          "constructor: { prototype: { polluted: true } }",
          "jobs:",
          "  __proto__:",
          "    runs-on: ubuntu-latest",
          "    steps: [{ run: echo hi }]",
          "  constructor:",
          "    runs-on: { __proto__: { polluted: true } }",
          "    steps: [{ uses: 'x/y@v1', with: { __proto__: { polluted: true } } }]",
          "",
        ].join("\n"),
      ),
      outcome: "data",
    },
    {
      name: "invalid UTF-8",
      path: `${WF}/invalid-utf8.yml`,
      content: Buffer.concat([
        text("on: push\njobs:\n  x:\n    runs-on: "),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        text("\n"),
      ]),
      outcome: "error",
    },
    {
      name: "name with quotes",
      path: `${WF}/quo"te's.yml`,
      content: text("on: push\njobs: [not, a, mapping]\n"),
      outcome: "error",
    },
    {
      name: "name with CRLF",
      path: `${WF}/cr\r\nlf.yml`,
      content: text("on: push\r\njobs: 7\r\n"),
      outcome: "error",
    },
  ];
}

/** A known-good workflow whose finding (unpinned-action, line 6) must survive next to the corpus. */
export const CONTROL_WORKFLOW = {
  path: `${WF}/0-control.yml`,
  content:
    "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/action@v1\n",
};
