import "server-only";
import pino, { type LoggerOptions } from "pino";
import { getLogLevel } from "./env";

const SECRET_KEYS = ["token", "secret", "password", "privateKey", "authorization", "cookie", "clientSecret"];

/**
 * Shared with testing/no-secret-leaks.test.ts, which logs canary secrets through these
 * options and searches the output. Secret-named fields are censored at the top level,
 * one level down, and in request/response headers.
 */
export const loggerOptions: LoggerOptions = {
  level: getLogLevel(),
  base: { service: "gatehouse" },
  redact: {
    paths: [
      ...SECRET_KEYS,
      ...SECRET_KEYS.map((k) => `*.${k}`),
      ...["authorization", "cookie", "set-cookie", "x-hub-signature-256"].flatMap((h) => [
        `headers["${h}"]`,
        `*.headers["${h}"]`,
      ]),
    ],
    censor: "[redacted]",
  },
};

// One logger. Its level is read on its own (getLogLevel) so logging works even when the
// rest of the environment is invalid.
export const logger = pino(loggerOptions);
