import Link from "next/link";
import type { Actor } from "@/lib/server/authz/actor";
import { can, ROLE_LABELS, type Permission } from "@/lib/server/authz/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks } from "./nav-links";

const NAV: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/tasks", label: "Tasks", permission: "dashboard:read" },
  { href: "/policy", label: "Policy", permission: "dashboard:read" },
  { href: "/sync", label: "Sync", permission: "sync:read" },
  { href: "/evidence", label: "Evidence", permission: "dashboard:read" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/api-keys", label: "API keys", permission: "apikeys:manage" },
];

export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded bg-slate-900 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* Wraps on narrow screens (390 px) so Sign out stays reachable. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex flex-wrap items-center gap-x-8 gap-y-2">
            <Link href="/" className="font-semibold">
              Gatehouse
            </Link>
            <NavLinks
              items={NAV.filter((n) => can(actor.role, n.permission)).map(({ href, label }) => ({
                href,
                label,
              }))}
            />
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="current-user">
              {actor.login ?? "signed in"} <span className="text-slate-500">· {ROLE_LABELS[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
