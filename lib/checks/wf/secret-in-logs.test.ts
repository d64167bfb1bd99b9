import { describe, expect, it } from "vitest";
import { secretInLogs } from "./secret-in-logs";
import { lines, runOn } from "../test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("secret-in-logs", () => {
  it("fails on echo of a secret expression, a derived variable, set -x and debug env", () => {
    const o = runOn(
      secretInLogs,
      `on: push
env:
  ACTIONS_STEP_DEBUG: true
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ secrets.API_KEY }}"
      - env:
          SA: \${{ secrets.SA_JSON }}
        run: |
          set -x
          KEY=$(echo "$SA" | jq -r .private_key)
          echo "key: $KEY"
  b:
    runs-on: ubuntu-latest
    steps: [{ run: make }]
`,
    );
    expect(lines(o).sort((a, b) => a - b)).toEqual([3, 8, 12, 14]);
  });

  it("passes when the secret is piped, redirected or masked", () => {
    const o = runOn(
      secretInLogs,
      job(`      - run: |
          echo "\${{ secrets.PASS }}" | docker login -u me --password-stdin
          echo "\${{ secrets.KEY }}" > key.pem
          echo "::add-mask::\${{ secrets.OTHER }}"
`),
    );
    expect(o.status).toBe("pass");
  });
});
