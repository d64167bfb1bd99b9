import { describe, expect, it } from "vitest";
import { parseScanArgs } from "./args";
import { makeProgress } from "./progress";

describe("parseScanArgs", () => {
  it("applies defaults and reads repeatable excludes", () => {
    expect(parseScanArgs(["repo", "--exclude", "a/**", "--exclude", "b"])).toEqual({
      kind: "ok",
      flags: {
        dir: "repo",
        format: "table",
        exclude: ["a/**", "b"],
        maxFileKb: 1024,
        githubApiUrl: "https://api.github.com",
      },
    });
  });

  it("takes the token from --github-token, else GITHUB_TOKEN, and a GHES API URL", () => {
    const env = { GITHUB_TOKEN: "from-env" };
    const flags = (argv: string[], e: Record<string, string> = {}) => {
      const r = parseScanArgs(argv, e);
      return r.kind === "ok" ? [r.flags.githubToken, r.flags.githubApiUrl] : r;
    };
    expect(flags(["repo"], env)).toEqual(["from-env", "https://api.github.com"]);
    expect(flags(["repo", "--github-token", "from-flag"], env)).toEqual([
      "from-flag",
      "https://api.github.com",
    ]);
    expect(flags(["repo", "--github-api-url", "https://ghes.example.com/api/v3/"])).toEqual([
      undefined,
      "https://ghes.example.com/api/v3",
    ]);
  });

  it.each([
    [["repo", "--format", "xml"], /--format: Invalid option/],
    [["repo", "--fail-on", "severe"], /--fail-on/],
    [["repo", "--max-file-kb", "-3"], /--max-file-kb/],
    [["repo", "--bogus"], /Unknown option '--bogus'/],
    [["repo", "--github-api-url", "not a url"], /--github-api-url: must be an http\(s\) URL/],
    [["repo", "--github-token", " "], /--github-token: must not be empty/],
    [[], /<dir>: missing the directory to scan/],
    [["a", "b"], /expected one directory/],
  ])("rejects %j", (argv, message) => {
    const r = parseScanArgs(argv);
    expect(r.kind).toBe("error");
    expect(r.kind === "error" && r.message).toMatch(message);
  });
});

describe("makeProgress", () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, write: (c: string) => chunks.push(c) } };
  };

  it("writes nothing when stderr is not a terminal or the tree is small", () => {
    const pipe = sink(false);
    makeProgress(pipe.stream, 2).update(5, 10);
    const tty = sink(true);
    const small = makeProgress(tty.stream, 100);
    small.update(1, 10);
    small.finish();
    expect([...pipe.chunks, ...tty.chunks]).toEqual([]);
  });

  it("shows done/total on a terminal, throttled, and clears the line at the end", () => {
    let now = 0;
    const tty = sink(true);
    const p = makeProgress(tty.stream, 2, 100, () => now);
    p.update(1, 3);
    now = 50;
    p.update(2, 3);
    p.update(3, 3);
    p.finish();
    expect(tty.chunks).toEqual([
      "\r\x1b[Kgatehouse: analysing files 1/3",
      "\r\x1b[Kgatehouse: analysing files 3/3",
      "\r\x1b[K",
    ]);
  });
});
