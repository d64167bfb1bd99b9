"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignInButton({ callbackUrl, providerLabel }: { callbackUrl: string; providerLabel: string }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={pending || !hydrated}
      onClick={() => {
        setPending(true);
        void signIn("github", { callbackUrl });
      }}
      className="w-full rounded-md bg-slate-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-60"
    >
      {pending ? "Redirecting…" : `Sign in with ${providerLabel}`}
    </button>
  );
}
