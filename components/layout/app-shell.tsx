import Link from "next/link";
import type { Actor } from "@/lib/server/authz/actor";
import { can, ROLE_LABELS, type Permission } from "@/lib/server/authz/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";

const NAV: Array<{ href: string; label: string; permission: Permission }> = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/tasks", label: "Tasks", permission: "dashboard:read" },
  { href: "/policy", label: "Policy", permission: "dashboard:read" },
  { href: "/sync", label: "Sync", permission: "sync:read" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
];

export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <div className="flex items-center gap-8">
            <Link href="/" className="font-semibold">
              Gatehouse
            </Link>
            <nav aria-label="Main" className="flex gap-5 text-sm">
              {NAV.filter((n) => can(actor.role, n.permission)).map((n) => (
                <Link key={n.href} href={n.href} className="text-slate-600 hover:text-slate-900">
                  {n.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="current-user">
              {actor.login ?? "signed in"} <span className="text-slate-500">· {ROLE_LABELS[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
