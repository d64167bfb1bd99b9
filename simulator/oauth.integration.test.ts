import path from "node:path";
import { Issuer } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";

const FIXTURE = path.resolve(__dirname, "../fixtures/orgs/tiny");
const REDIRECT = "http://127.0.0.1:3999/api/auth/callback/github";

let sim: Simulator;
let clock = Date.now();

beforeAll(async () => {
  sim = await startSimulator({ fixture: FIXTURE, port: 0, now: () => clock });
});
afterAll(() => sim.close());

async function authorize(login: string, extra: Record<string, string> = {}): Promise<URL> {
  const q = new URLSearchParams({
    client_id: "tiny-client",
    redirect_uri: REDIRECT,
    state: "st4te",
    scope: "read:user user:email",
    response_type: "code",
    login_hint: login,
    ...extra,
  });
  const res = await fetch(`${sim.url}/login/oauth/authorize?${q}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

async function exchange(code: string, secret = "tiny-secret") {
  const res = await fetch(`${sim.url}/login/oauth/access_token`, {
    method: "POST",
    headers: {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`tiny-client:${secret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT }),
  });
  return (await res.json()) as Record<string, string>;
}

describe("OAuth web flow", () => {
  it("lists the fixture's users with their role on the sign-in page", async () => {
    const q = new URLSearchParams({ client_id: "tiny-client", redirect_uri: REDIRECT, state: "s" });
    const html = await (await fetch(`${sim.url}/login/oauth/authorize?${q}`)).text();
    expect(html).toContain("Sign in to GitHub (simulator)");
    for (const [login, role] of [
      ["ada", "admin"],
      ["sam", "security lead"],
      ["eve", "engineer"],
      ["ian", "auditor"],
    ]) {
      expect(html).toContain(`data-login="${login}"`);
      expect(html).toContain(role);
    }
  });

  it("rejects an unknown client_id and a foreign redirect_uri", async () => {
    const bad = await fetch(
      `${sim.url}/login/oauth/authorize?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(bad.status).toBe(400);
    const foreign = await fetch(
      `${sim.url}/login/oauth/authorize?client_id=tiny-client&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`,
    );
    expect(foreign.status).toBe(400);
  });

  it("chooses a user by form POST and redirects with code and state", async () => {
    const res = await fetch(`${sim.url}/login/oauth/authorize/choose`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "tiny-client",
        redirect_uri: REDIRECT,
        state: "xyz",
        scope: "read:user",
        login: "sam",
      }),
    });
    const loc = new URL(res.headers.get("location")!);
    expect(loc.origin + loc.pathname).toBe(REDIRECT);
    expect(loc.searchParams.get("state")).toBe("xyz");
    const tok = await exchange(loc.searchParams.get("code")!);
    const me = await (
      await fetch(`${sim.url}/user`, { headers: { authorization: `Bearer ${tok.access_token}` } })
    ).json();
    expect(me).toMatchObject({ login: "sam", name: "Sam Security", email: "sam@tiny.example" });
  });

  it("exchanges a code once, returns the profile and emails", async () => {
    const code = (await authorize("ada")).searchParams.get("code")!;
    const tok = await exchange(code);
    expect(tok).toMatchObject({ token_type: "bearer", scope: "read:user,user:email" });
    expect(tok.access_token).toMatch(/^gho_/);
    const again = await exchange(code);
    expect(again.error).toBe("bad_verification_code");
    const me = (await (
      await fetch(`${sim.url}/user`, { headers: { authorization: `token ${tok.access_token}` } })
    ).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ login: "ada", name: "Ada Admin", email: "ada@tiny.example" });
    expect(typeof me.id).toBe("number");
    expect(me.avatar_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/avatars\//);
    const emails = (await (
      await fetch(`${sim.url}/user/emails`, { headers: { authorization: `Bearer ${tok.access_token}` } })
    ).json()) as Array<Record<string, unknown>>;
    expect(emails[0]).toMatchObject({ email: "ada@tiny.example", primary: true, verified: true });
  });

  it("refuses a wrong client secret and an expired code", async () => {
    const code = (await authorize("eve")).searchParams.get("code")!;
    expect((await exchange(code, "wrong")).error).toBe("incorrect_client_credentials");
    const code2 = (await authorize("eve")).searchParams.get("code")!;
    clock += 11 * 60 * 1000;
    expect((await exchange(code2)).error).toBe("bad_verification_code");
  });

  it("rejects bad and missing tokens on /user like GitHub", async () => {
    const bad = await fetch(`${sim.url}/user`, { headers: { authorization: "Bearer gho_nope" } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: "Bad credentials" });
    expect((await fetch(`${sim.url}/user`)).status).toBe(401);
  });

  it("completes the flow through openid-client as next-auth's GitHub provider does", async () => {
    const issuer = new Issuer({
      issuer: "https://github.com/login/oauth",
      authorization_endpoint: `${sim.url}/login/oauth/authorize`,
      token_endpoint: `${sim.url}/login/oauth/access_token`,
      userinfo_endpoint: `${sim.url}/user`,
    });
    const client = new issuer.Client({
      client_id: "tiny-client",
      client_secret: "tiny-secret",
      redirect_uris: [REDIRECT],
    });
    const authUrl = client.authorizationUrl({
      scope: "read:user user:email",
      state: "abc",
      login_hint: "ian",
    });
    const res = await fetch(authUrl, { redirect: "manual" });
    const params = client.callbackParams(res.headers.get("location")!);
    const tokens = await client.oauthCallback(REDIRECT, params, { state: "abc" });
    const profile = await client.userinfo(tokens.access_token!);
    expect(profile).toMatchObject({ login: "ian", email: "ian@tiny.example" });
  });
});
