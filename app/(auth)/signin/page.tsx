import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth";
import { SignInButton } from "@/components/auth/sign-in-button";
import { getSignInInfo } from "@/lib/server/internal/get-sign-in-info";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccessDenied: "This account is disabled. Ask an admin to re-enable it.",
  OAuthCallback: "GitHub did not complete the sign-in. Try again.",
  Callback: "GitHub did not complete the sign-in. Try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  if (await getActor()) redirect("/");
  const info = getSignInInfo();
  // Only same-origin paths: an open redirect here would be a phishing aid.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Gatehouse</h1>
        <p className="mt-1 text-sm text-slate-600">
          CI/CD supply-chain posture for your GitHub organisation.
        </p>
        {error ? (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {ERRORS[error] ?? "Sign-in failed. Try again."}
          </p>
        ) : null}
        <div className="mt-6">
          <SignInButton callbackUrl={target} providerLabel={info.providerLabel} />
        </div>
        {info.demo ? (
          <p className="mt-4 text-xs text-slate-500">
            Demo: the GitHub simulator offers one user per role (admin, security lead, engineer, auditor).
          </p>
        ) : null}
      </div>
    </main>
  );
}
