import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house rules (docs/architecture.md), enforced. Each message says where the code
// should go instead. scripts/lint/lint-rules.test.ts plants a violation of every rule in
// a temporary file and proves that lint fails, so no rule can quietly disappear.
const PURE_CORE = ["lib/checks", "lib/analyzers", "lib/scoring", "lib/policy", "lib/facts"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/test-kit.ts", "**/__fixtures__/**"];

const pureCoreMessage =
  "The pure core (lib/checks, lib/analyzers, lib/scoring, lib/policy, lib/facts) does no I/O: read data in lib/sync or lib/server and pass it in as arguments.";

const boundaries = {
  files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          ...PURE_CORE.map((target) => ({
            target: `./${target}`,
            from: [
              "./lib/db.ts",
              "./lib/generated",
              "./lib/github",
              "./lib/sync",
              "./lib/server",
              "./lib/registry",
              "./lib/worker",
            ],
            message: pureCoreMessage,
          })),
          {
            target: ["./app", "./components"],
            from: ["./lib/db.ts", "./lib/generated", "./lib/sync", "./lib/github", "./lib/worker"],
            message:
              "Pages, actions and components read and write only through the authorised functions in lib/server/<entity>/ (Prisma only in lib/server, GitHub only through lib/sync).",
          },
          {
            target: "./lib",
            from: ["./simulator", "./testing"],
            except: [],
            message:
              "lib/ is production code: the simulator and test helpers may be imported by tests (*.test.ts), bench/, e2e/ and scripts/ only.",
          },
          {
            target: "./lib",
            from: ["./app", "./components"],
            message:
              "lib/ sits below the UI: move shared code into lib/ and import it from app/ or components/.",
          },
        ],
      },
    ],
  },
};

const pureCoreModules = {
  files: PURE_CORE.map((dir) => `${dir}/**/*.ts`),
  ignores: TESTS,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          "fs",
          "node:fs",
          "fs/promises",
          "node:fs/promises",
          "net",
          "node:net",
          "http",
          "node:http",
          "https",
          "node:https",
          "child_process",
          "node:child_process",
          "dgram",
          "node:dgram",
          "pg",
          "pg-boss",
          "octokit",
          "@prisma/client",
          "@prisma/adapter-pg",
        ].map((name) => ({ name, message: pureCoreMessage })),
        patterns: [
          { group: ["@octokit/*", "undici", "node-fetch"], message: pureCoreMessage },
          { group: ["**/generated/prisma/*", "**/lib/db"], message: pureCoreMessage },
        ],
      },
    ],
  },
};

const oneEnvironment = {
  files: [
    "lib/**/*.ts",
    "lib/**/*.tsx",
    "app/**/*.ts",
    "app/**/*.tsx",
    "components/**/*.tsx",
    "components/**/*.ts",
  ],
  ignores: ["lib/env.ts", ...TESTS],
  rules: {
    "no-restricted-properties": [
      "error",
      {
        object: "process",
        property: "env",
        message:
          "Read configuration through lib/env.ts (getEnv(), getWorkerEnv()): add the variable to its zod schema so a bad value stops start-up with its name.",
      },
    ],
  },
};

const testsMayUseTestTooling = {
  files: TESTS,
  rules: { "import/no-restricted-paths": "off" },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  boundaries,
  pureCoreModules,
  oneEnvironment,
  testsMayUseTestTooling,
];

export default config;
