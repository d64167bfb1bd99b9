import { describe, expect, it } from "vitest";
import { isStale, nextEditorBase } from "./editor-base";

const v1 = { json: '{"exceptions":[]}', version: 1 };
const v2 = { json: '{"exceptions":[{"id":"EX-2-1"}]}', version: 2 };

describe("the policy editor's base document (regression: a new exception vanished on the next save)", () => {
  it("an untouched editor adopts the new version's JSON and number together", () => {
    const next = nextEditorBase(v1, v2, false);
    expect(next).toEqual(v2);
    // What the form submits: the JSON holds EX-2-1 and the expected version is 2.
    expect(next.json).toContain("EX-2-1");
  });

  it("an edited draft keeps its base version, so the server refuses it as a conflict", () => {
    const next = nextEditorBase(v1, v2, true);
    expect(next.version).toBe(1);
    expect(isStale(next, v2)).toBe(true);
  });

  it("nothing changes while the page shows the same version", () => {
    expect(nextEditorBase(v1, { ...v1 }, true)).toBe(v1);
    expect(isStale(v1, v1)).toBe(false);
  });
});
