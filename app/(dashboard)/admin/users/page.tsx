import type { Metadata } from "next";
import { getActor } from "@/lib/auth";
import { listUsers } from "@/lib/server/users/list-users";
import { guard } from "@/lib/server/authz/guard";
import { ROLE_LABELS } from "@/lib/server/authz/permissions";
import { UserRowControls } from "@/components/admin/user-row-controls";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const users = await guard(listUsers(await getActor()));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="mt-1 text-slate-600">
        Roles take effect on the user&apos;s next request. Disabling signs the user out.
      </p>
      <table className="mt-6 w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="px-3 py-2 font-medium">User</th>
            <th className="px-3 py-2 font-medium">Role</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Change</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-100" data-testid={`user-${u.githubLogin}`}>
              <td className="px-3 py-2">
                <span className="font-medium">{u.githubLogin ?? u.email}</span>
                {u.name ? <span className="text-slate-500"> · {u.name}</span> : null}
              </td>
              <td className="px-3 py-2" data-testid="role">
                {ROLE_LABELS[u.role]}
              </td>
              <td className="px-3 py-2">{u.disabledAt ? "Disabled" : "Active"}</td>
              <td className="px-3 py-2">
                <UserRowControls
                  userId={u.id}
                  role={u.role}
                  disabled={Boolean(u.disabledAt)}
                  login={u.githubLogin ?? u.id}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
