import { execFile } from "node:child_process";
import { createSign, randomUUID, X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A token issuer for docker-registry's `auth.token` mode, playing GHCR's /token endpoint:
// basic auth in, an RS256 JWT out (x5c header, verified by the registry against the root
// bundle). Lets the bearer-token dance run against the real registry binary.

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  rootCertPem: string;
  /** Authorization headers the issuer received, in order ("" when none). */
  seen: string[];
  stop(): Promise<void>;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString("base64url");

export async function startTokenServer(opts: {
  username?: string;
  password: string;
  host?: string;
}): Promise<TokenServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-token-"));
  await promisify(execFile)("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=gatehouse-test-token",
    "-days",
    "2",
    "-keyout",
    path.join(dir, "key.pem"),
    "-out",
    path.join(dir, "cert.pem"),
  ]);
  const key = await readFile(path.join(dir, "key.pem"), "utf8");
  const rootCertPem = await readFile(path.join(dir, "cert.pem"), "utf8");
  await rm(dir, { recursive: true, force: true });
  const certDer = new X509Certificate(rootCertPem).raw.toString("base64");
  const service = "gatehouse-test-registry";
  const issuer = "gatehouse-test-issuer";
  const seen: string[] = [];
  const expected = `Basic ${Buffer.from(`${opts.username ?? "gatehouse"}:${opts.password}`).toString("base64")}`;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://issuer");
    const auth = req.headers.authorization ?? "";
    seen.push(auth);
    if (url.pathname !== "/token" || auth !== expected)
      return void res
        .writeHead(401, { "content-type": "application/json" })
        .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    const [, name, actions] = /^repository:([^:]+):(.+)$/.exec(url.searchParams.get("scope") ?? "") ?? [];
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", x5c: [certDer] };
    const claims = {
      iss: issuer,
      sub: opts.username ?? "gatehouse",
      aud: url.searchParams.get("service"),
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: name ? [{ type: "repository", name, actions: actions!.split(",") }] : [],
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign("RSA-SHA256").update(signingInput).sign(key);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ token: `${signingInput}.${b64url(signature)}`, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://${opts.host ?? "127.0.0.1"}:${port}/token`,
    service,
    issuer,
    rootCertPem,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
