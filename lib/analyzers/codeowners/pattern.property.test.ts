import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchGlob } from "./pattern";

// Reference semantics, exponential but obviously right on tiny inputs.
function segRef(p: string, s: string): boolean {
  const re = new RegExp(
    "^" +
      p
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*+/g, "[^/]*")
        .replace(/\?/g, "[^/]") +
      "$",
  );
  return re.test(s);
}
function ref(p: string[], s: string[]): boolean {
  if (p.length === 0) return s.length === 0;
  const [head, ...rest] = p;
  if (head === "**") {
    for (let k = 0; k <= s.length; k++) if (ref(rest, s.slice(k))) return true;
    return false;
  }
  return s.length > 0 && segRef(head ?? "", s[0] ?? "") && ref(rest, s.slice(1));
}

const seg = fc.stringMatching(/^[ab*?]{0,4}$/).filter((s) => s !== "");
const pathSeg = fc.stringMatching(/^[ab]{1,3}$/);

describe("matchGlob agrees with the reference matcher", () => {
  it("on random patterns and paths", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(seg, fc.constant("**")), { minLength: 1, maxLength: 4 }),
        fc.array(pathSeg, { minLength: 1, maxLength: 5 }),
        (p, s) => {
          expect(matchGlob(p.join("/"), s.join("/"))).toBe(ref(p, s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
