import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests sit next to the code (`*.test.ts`); integration tests that need the
// real Postgres or the simulator are named `*.integration.test.ts` and run in the
// same command (they create their own database per run, see testing/db.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "testing/server-only-noop.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "simulator/**/*.test.ts",
      "testing/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bin/**/*.test.ts",
      "prisma/**/*.test.ts",
      "cli/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
