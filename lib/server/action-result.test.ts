import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { runAction } from "./action-result";

describe("runAction", () => {
  it("passes on what the work says it did, so an unchanged save can say so", async () => {
    expect(await runAction(async () => "Role unchanged: the user already has this role.")).toEqual({
      ok: true,
      message: "Role unchanged: the user already has this role.",
    });
    expect(await runAction(async () => {})).toEqual({ ok: true });
  });

  it("turns an expected failure into its message", async () => {
    expect(
      await runAction(async () => {
        throw new AppError("conflict", "The last admin cannot be demoted.");
      }),
    ).toEqual({ ok: false, error: "The last admin cannot be demoted." });
  });
});
