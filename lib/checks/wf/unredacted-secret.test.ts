import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { unredactedSecret } from "./unredacted-secret";

const wf = (value: string) => `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
        env:
          PASSWORD: ${value}
`;

describe("unredacted-secret", () => {
  it("fails a field taken out of fromJSON(secret)", () => {
    const o = runOn(unredactedSecret, wf("${{ fromJSON(secrets.DB).password }}"));
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([8]);
    expect(o.findings[0]?.message).toContain("secrets.DB");
  });
  it("fails format() over a secret", () => {
    expect(runOn(unredactedSecret, wf("${{ format('Bearer {0}', secrets.TOKEN) }}")).status).toBe("fail");
  });
  it("passes a secret used as it is", () => {
    expect(runOn(unredactedSecret, wf("${{ secrets.DB_PASSWORD }}")).status).toBe("pass");
  });
});
