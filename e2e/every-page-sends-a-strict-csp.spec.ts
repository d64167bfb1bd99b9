import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Every page, as every role: the strict CSP (per-request nonce, no unsafe-inline/eval)
// and the other security headers are on the response, and the browser reports zero
// Content-Security-Policy violations while the page loads and hydrates [ASVS 3.4].

const PAGES = [
  "/",
  "/?org=e2e-org",
  "/repos/e2e-org/api",
  "/policy",
  "/sync",
  "/admin/users",
  "/admin/audit",
];
const ROLES = [
  { login: "ada", role: "Admin" },
  { login: "sam", role: "Security lead" },
  { login: "eve", role: "Engineer" },
  { login: "ian", role: "Auditor" },
];

async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

function expectSecurityHeaders(res: Response | null, path: string) {
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp, path).toContain(d);
  expect(h["cache-control"], path).toContain("no-store");
  expect(h["x-content-type-options"], path).toBe("nosniff");
  expect(h["referrer-policy"], path).toBe("same-origin");
  expect(h["permissions-policy"], path).toContain("camera=()");
}

test("the sign-in page has the strict CSP and no violations", async ({ page }) => {
  const violations = await watchCsp(page);
  const res = await page.goto("/signin");
  expectSecurityHeaders(res, "/signin");
  await expect(page.getByRole("button", { name: /Sign in with GitHub/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
  // A fresh nonce per response.
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toBe(res!.headers()["content-security-policy"]);
});

test("every page as every role: strict CSP headers and zero CSP violations", async ({ browser }) => {
  test.setTimeout(240_000);
  // Other journeys change eve's role; put her back so each role is covered.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signInAs(admin, "ada");
  await admin.goto("/admin/users");
  const eve = admin.getByTestId("user-eve");
  if ((await eve.getByTestId("role").textContent())?.trim() !== "Engineer") {
    await eve.getByLabel("Role of eve").selectOption("engineer");
    await eve.getByRole("button", { name: "Save role" }).click();
    await expect(eve.getByTestId("role")).toHaveText("Engineer");
  }
  await adminCtx.close();

  for (const { login, role } of ROLES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const violations = await watchCsp(page);
    await signInAs(page, login);
    await expect(page.getByTestId("current-user")).toContainText(role);
    for (const path of PAGES) {
      const res = await page.goto(path);
      expect([200, 403], `${login} ${path}`).toContain(res!.status());
      expectSecurityHeaders(res, `${login} ${path}`);
      await page.waitForLoadState("networkidle");
    }
    expect(violations, login).toEqual([]);
    await ctx.close();
  }
});

test("malformed input gets a 4xx, never a 500", async ({ page }) => {
  await signInAs(page, "ada");
  const huge = await page.request.get("/?page=99999999999999999999");
  expect(huge.status()).toBe(404);
  const badPath = await page.request.get("/repos/e2e-org/%ZZ");
  expect(badPath.status()).toBe(400);
  for (const hostile of ["http://[", "javascript:alert(1)", "//evil.example", "https://evil.example/"]) {
    const res = await page.request.get(`/api/auth/signin/github?callbackUrl=${encodeURIComponent(hostile)}`, {
      maxRedirects: 0,
    });
    expect(res.status(), hostile).toBeLessThan(500);
  }
  const oversized = await page.request.post("/policy", {
    headers: { "next-action": "0".repeat(40), "content-type": "text/plain" },
    data: "x".repeat(2 * 1024 * 1024 + 1),
  });
  expect(oversized.status()).toBe(413);
});
