import "server-only";
import pino from "pino";
import { getLogLevel } from "./env";

// One logger. Its level is read on its own (getLogLevel) so logging works even when the
// rest of the environment is invalid.
export const logger = pino({
  level: getLogLevel(),
  base: { service: "gatehouse" },
  redact: {
    paths: ["*.token", "*.secret", "*.password", "*.privateKey", "*.authorization"],
    censor: "[redacted]",
  },
});
