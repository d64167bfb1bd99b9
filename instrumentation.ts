// Runs once when the server starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/startup/check-env");
    checkEnvOrExit();
    const { getEnv } = await import("./lib/env");
    const { installForwardedGuard } = await import("./lib/http/install-forwarded-guard");
    installForwardedGuard(getEnv().GATEHOUSE_TRUSTED_PROXIES);
  }
}
