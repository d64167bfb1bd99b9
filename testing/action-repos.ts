// Other owners' action repositories for the simulator (org.yaml `actionRefs` and
// `actionRepos`), and two workflows over them: one that every API-backed check fails on,
// one that they all pass. Shared by the simulator, sync and scan tests.

export const SETUP_V120 = "1111111111111111111111111111111111111111";
export const SETUP_V110 = "2222222222222222222222222222222222222222";
/** Only on the `release/v0` branch: reachable, but not behind the default branch. */
export const SETUP_BRANCH_ONLY = "3333333333333333333333333333333333333333";
/** Pushed to a fork: GitHub serves it under octo-actions/setup, no branch or tag reaches it. */
export const SETUP_IMPOSTOR = "4444444444444444444444444444444444444444";
export const LEGACY_V1 = "5555555555555555555555555555555555555555";

export const ACTION_ORG = {
  actionRefs: {
    "octo-actions/setup@v1.2.0": SETUP_V120,
    "octo-actions/setup@v1.1.0": SETUP_V110,
    "octo-actions/legacy@v1": LEGACY_V1,
  },
  actionRepos: {
    "octo-actions/setup": {
      branches: { main: SETUP_V120, "release/v0": SETUP_BRANCH_ONLY },
      forkCommits: [SETUP_IMPOSTOR],
    },
    "octo-actions/legacy": { archived: true },
  },
};

const steps = (uses: string[]) => `name: ci
on: push
permissions: read-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${uses.map((u) => `      - uses: ${u}`).join("\n")}
      - run: make
`;

/** impostor-commit, pin-comment-mismatch and archived-action fail; unpinned-action gets the exact SHA. */
export const RISKY_WORKFLOW = steps([
  `octo-actions/setup@${SETUP_IMPOSTOR} # v1.2.0`,
  "octo-actions/legacy@v1",
  "octo-actions/setup@v1.2.0",
]);

/** Every API-backed check passes. */
export const CLEAN_WORKFLOW = steps([
  `octo-actions/setup@${SETUP_V120} # v1.2.0`,
  `octo-actions/setup@${SETUP_V110} # v1.1.0`,
  `octo-actions/setup@${SETUP_BRANCH_ONLY}`,
]);
