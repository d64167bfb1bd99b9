// Every test process starts with canary values for every secret and token the app
// reads (unless a test sets its own), so a secret that leaks into a log line, URL, error
// body or the client bundle is findable by value: see testing/canary.ts and
// testing/no-secret-leaks.test.ts. Loaded by vitest.config.ts (setupFiles).
import { CANARY_ENV } from "./canary";

for (const [name, value] of Object.entries(CANARY_ENV)) process.env[name] ??= value;

// The test suite is the explicit test mode: the GitHub simulator listens on loopback.
process.env.GATEHOUSE_ALLOW_PRIVATE_NETWORK ??= "1";
