import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth";
import { AppShell } from "@/components/layout/app-shell";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  return <AppShell actor={actor}>{children}</AppShell>;
}
