import { LineCounter, parseDocument } from "yaml";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDocumentFast } from "./yaml-document";
import { parseWorkflow } from "./parse-workflow";

const WF = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }}\n";

afterEach(() => vi.unstubAllEnvs());

describe("parseDocumentFast", () => {
  it("gives the document parseDocument gives, errors and positions included", () => {
    for (const text of [WF, "a: [1, 2\n", "a: 1\na: 2\n", "x: &a [1]\ny: *a\n"]) {
      const fast = parseDocumentFast(text, new LineCounter());
      const stock = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
      expect(fast.toJS({ maxAliasCount: -1 })).toEqual(stock.toJS({ maxAliasCount: -1 }));
      expect(fast.errors.map((e) => [e.code, e.pos])).toEqual(stock.errors.map((e) => [e.code, e.pos]));
    }
  });

  it("puts process.env back after the parse, and keeps NODE_ENV visible during it", () => {
    vi.stubEnv("GATEHOUSE_PROBE", "1");
    const env = process.env;
    expect(parseWorkflow(".github/workflows/ci.yml", WF).ok).toBe(true);
    expect(process.env).toBe(env);
    expect(process.env.GATEHOUSE_PROBE).toBe("1");
  });

  it("swaps process.env only for the parse, and puts it back when the parser throws", () => {
    const env = process.env;
    const during: unknown[] = [];
    const lineCounter = {
      addNewLine: () => {
        during.push(process.env);
        throw new Error("boom");
      },
    } as unknown as LineCounter;
    expect(() => parseDocumentFast("a: 1\nb: 2\n", lineCounter)).toThrow("boom");
    expect(during[0]).not.toBe(env);
    expect(process.env).toBe(env);
  });
});
