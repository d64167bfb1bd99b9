"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The main navigation; the current section is marked with aria-current for assistive technology. */
export function NavLinks({ items }: { items: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/"
      ? pathname === "/" || pathname.startsWith("/repos") || pathname.startsWith("/checks")
      : pathname.startsWith(href);
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
      {items.map((n) => (
        <Link
          key={n.href}
          href={n.href}
          aria-current={current(n.href) ? "page" : undefined}
          className={current(n.href) ? "font-semibold text-slate-900" : "text-slate-700 hover:text-slate-900"}
        >
          {n.label}
        </Link>
      ))}
    </nav>
  );
}
