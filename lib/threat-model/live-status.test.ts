import { describe, expect, it } from "vitest";
import { liveThreats, type CheckStatus } from "./live-status";
import type { ThreatModel } from "./model";

const model: ThreatModel = {
  assets: [],
  boundaries: [],
  controls: [
    { id: "c1", kind: "check", check: "oidc-missing" },
    { id: "c2", kind: "check", check: "stale-secrets" },
    { id: "m1", kind: "manual", title: "Rotation runbook", owner: "sec", note: "" },
  ],
  threats: [
    {
      id: "t1",
      title: "Credential theft",
      category: "information-disclosure",
      stage: "build",
      description: "",
      likelihood: "medium",
      impact: "high",
      status: "open",
      assetIds: [],
      controls: [
        { controlId: "c1", status: "in-place" },
        { controlId: "c2", status: "in-place" },
        { controlId: "m1", status: "in-place" },
      ],
    },
    {
      id: "t2",
      title: "Accepted",
      category: "tampering",
      stage: "build",
      description: "",
      likelihood: "low",
      impact: "low",
      status: "accepted",
      assetIds: [],
      controls: [{ controlId: "c1", status: "in-place" }],
    },
    {
      id: "t3",
      title: "Manual only",
      category: "spoofing",
      stage: "build",
      description: "",
      likelihood: "low",
      impact: "low",
      status: "open",
      assetIds: [],
      controls: [{ controlId: "m1", status: "in-place" }],
    },
  ],
};
const view = (checks: Record<string, CheckStatus> | null) =>
  Object.fromEntries(
    liveThreats(model, checks, { taskHref: (c) => `/tasks?check=${c}` }).map((t) => [t.id, t]),
  );

describe("liveThreats", () => {
  it("a threat whose check controls all pass is mitigated by evidence", () => {
    const v = view({ "oidc-missing": "pass", "stale-secrets": "not-applicable" });
    expect([v.t1!.effectiveStatus, v.t1!.basis]).toEqual(["mitigated", "evidence"]);
    expect(v.t3!.effectiveStatus).toBe("open");
  });

  it("a failing check re-opens the threat at once and links its task", () => {
    const v = view({ "oidc-missing": "fail", "stale-secrets": "pass" });
    expect([v.t1!.effectiveStatus, v.t1!.basis, v.t1!.failingChecks]).toEqual([
      "open",
      "failing",
      ["oidc-missing"],
    ]);
    expect(v.t1!.links[0]!.taskHref).toBe("/tasks?check=oidc-missing");
    // An accepted risk stays accepted but shows the failure.
    expect([v.t2!.effectiveStatus, v.t2!.basis]).toEqual(["accepted", "failing"]);
  });

  it("unknown or unscored checks are no evidence", () => {
    expect(view({ "oidc-missing": "pass", "stale-secrets": "unknown" }).t1!.effectiveStatus).toBe("open");
    expect(view(null).t1!.links[0]!.live).toBe("missing");
  });

  it("a planned manual control keeps the threat open even when checks pass", () => {
    const planned = {
      ...model,
      threats: [
        {
          ...model.threats[0]!,
          controls: model.threats[0]!.controls.map((l) =>
            l.controlId === "m1" ? { ...l, status: "planned" as const } : l,
          ),
        },
      ],
    };
    expect(
      liveThreats(planned, { "oidc-missing": "pass", "stale-secrets": "pass" })[0]!.effectiveStatus,
    ).toBe("open");
  });
});
