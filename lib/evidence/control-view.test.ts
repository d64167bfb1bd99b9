import { describe, expect, it } from "vitest";
import { repoStatusFor, summariseControl, worst } from "./control-view";
import { csvCell, csvRow } from "./csv";
import { repo } from "./test-helpers";

const control = { id: "X.1", title: "Test control", checks: ["branch-protection", "required-reviews"] };

describe("per-control status", () => {
  it("takes the worst mapped check: fail over unknown over exception over pass", () => {
    expect(worst(["pass", "exception"])).toBe("exception");
    expect(worst(["exception", "unknown"])).toBe("unknown");
    expect(worst(["unknown", "fail", "pass"])).toBe("fail");
    expect(worst([])).toBe("not-applicable");
  });

  it("fails a repo on one failing mapped check and ignores unmapped checks", () => {
    expect(repoStatusFor(control, repo("a/b")).status).toBe("fail");
    const passing = repo("a/c", {
      results: repo("a/c").results.map((r) =>
        r.check === "required-reviews" ? { ...r, status: "pass" } : r,
      ),
    });
    // org-2fa (unknown) and unpinned-action (exception) are not mapped to X.1
    expect(repoStatusFor(control, passing).status).toBe("pass");
    expect(summariseControl(control, [repo("a/b"), passing])).toMatchObject({
      status: "fail",
      counts: { pass: 1, fail: 1, unknown: 0 },
    });
  });

  it("never counts unknown as pass", () => {
    const c = { id: "Y", title: "2FA", checks: ["org-2fa"] };
    expect(summariseControl(c, [repo("a/b")]).status).toBe("unknown");
  });
});

describe("csv", () => {
  it("quotes separators and neutralises spreadsheet formulas, but keeps negative numbers", () => {
    expect(csvRow(["a,b", 'say "hi"', null, 3])).toBe('"a,b","say ""hi""",,3\r\n');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-12.5")).toBe("-12.5");
  });
});
