import { presenceCheck } from "../support/scanners";

export const noSast = presenceCheck("sast", {
  id: "no-sast",
  title: "Static analysis runs in CI",
  severity: "medium",
  rationale:
    "SAST catches injection and unsafe-API patterns in the code itself before review fatigue lets them through.",
  remediation:
    "Enable CodeQL (github/codeql-action init + analyze) or run Semgrep/SonarCloud/gosec/Bandit on pull requests.",
  message: "No static analysis (CodeQL, Semgrep, …) runs in CI.",
  block: `  codeql:
    runs-on: ubuntu-latest
    permissions: { contents: read, security-events: write }
    steps:
      - uses: actions/checkout@<sha> # v4
      - uses: github/codeql-action/init@<sha> # v3
      - uses: github/codeql-action/analyze@<sha> # v3`,
});
