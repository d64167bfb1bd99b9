// Property: no secret in logs, URLs or error bodies. Every test process runs with canary
// values for every secret (testing/canary-env.ts); this test drives the paths that
// handle secrets with those canaries and searches everything they emit, and searches the
// built client bundle (.next/static) when a build is present.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt, parseKey } from "@/lib/crypto/aead";
import { openEnvelope, sealEnvelope } from "@/lib/crypto/envelope";
import { parseEnv } from "@/lib/env";
import { loggerOptions } from "@/lib/logger";
import { checkOutboundUrl } from "@/lib/net/outbound-url";
import { CANARY_ENV, canaryNeedles } from "./canary";

const needles = canaryNeedles();
const leaks = (haystack: string) => needles.filter((n) => haystack.includes(n));
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
  }
  return "";
};

describe("no secret leaves the process (property: no secret in logs, URLs or error bodies)", () => {
  it("the suite runs with canary values for every secret", () => {
    for (const [name, value] of Object.entries(CANARY_ENV)) expect(process.env[name], name).toBe(value);
  });

  it("logs censor secret-named fields at every level we log them", () => {
    let out = "";
    const sink = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) });
    const log = pino({ ...loggerOptions, level: "info" }, sink);
    const c = CANARY_ENV;
    log.info({ token: c.GITHUB_WEBHOOK_SECRET, secret: c.NEXTAUTH_SECRET }, "top level");
    log.info({ credentials: { token: c.GITHUB_CLIENT_SECRET, privateKey: c.GATEHOUSE_AUDIT_KEY } }, "nested");
    log.info(
      { headers: { authorization: `token ${c.GITHUB_CLIENT_SECRET}`, cookie: c.NEXTAUTH_SECRET } },
      "headers",
    );
    log.info({ req: { headers: { authorization: `Bearer ${c.GATEHOUSE_ENCRYPTION_KEY}` } } }, "request");
    log.info({ db: { password: c.GATEHOUSE_RUNTIME_PASSWORD } }, "db");
    expect(out.split("\n").filter(Boolean)).toHaveLength(5);
    expect(leaks(out)).toEqual([]);
  });

  it("environment errors name variables, never values", () => {
    const broken = Object.fromEntries(Object.entries(CANARY_ENV).map(([k, v]) => [k, `${v}-not-base64-!!`]));
    const text = message(() => parseEnv({ ...broken, NEXTAUTH_SECRET: "canary-short" }));
    expect(text).toMatch(/NEXTAUTH_SECRET is invalid/);
    expect(leaks(text)).toEqual([]);
    expect(leaks(message(() => parseKey(`${CANARY_ENV.GATEHOUSE_ENCRYPTION_KEY}xx`)))).toEqual([]);
  });

  it("decryption and URL errors carry no secret", async () => {
    const key = parseKey(CANARY_ENV.GATEHOUSE_ENCRYPTION_KEY);
    const sealed = sealEnvelope(CANARY_ENV.GITHUB_CLIENT_SECRET, "conn:secret", key);
    expect(leaks(sealed)).toEqual([]);
    expect(leaks(message(() => openEnvelope(sealed, "other:secret", key)))).toEqual([]);
    expect(leaks(message(() => decrypt(encrypt(CANARY_ENV.NEXTAUTH_SECRET, "a", key), "b", key)))).toEqual(
      [],
    );
    const url = `https://x-access-token:${CANARY_ENV.GITHUB_CLIENT_SECRET}@api.github.com/`;
    const err = await checkOutboundUrl(url, { allowPrivate: false }).catch(
      (e: Error) => `${e.message}\n${e.stack}`,
    );
    expect(err).toMatch(/credentials in the URL/);
    expect(leaks(String(err))).toEqual([]);
  });

  const staticDir = path.join(process.cwd(), ".next/static");
  it.runIf(existsSync(staticDir))(
    "the built client bundle holds no secret and names no server secret",
    () => {
      const files: string[] = [];
      const walk = (d: string) => {
        for (const f of readdirSync(d)) {
          const p = path.join(d, f);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(p);
        }
      };
      walk(staticDir);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const text = readFileSync(f, "utf8");
        expect(leaks(text), f).toEqual([]);
        for (const name of Object.keys(CANARY_ENV))
          expect(text.includes(name), `${f} mentions ${name}`).toBe(false);
      }
    },
  );
});
