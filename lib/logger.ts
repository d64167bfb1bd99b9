import "server-only";
import pino from "pino";

// One logger; LOG_LEVEL is read directly so logging works even when the rest of the
// environment is invalid (that is exactly when we need to log).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "gatehouse" },
  redact: {
    paths: ["*.token", "*.secret", "*.password", "*.privateKey", "*.authorization"],
    censor: "[redacted]",
  },
});
