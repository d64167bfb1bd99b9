import type { Metadata } from "next";
import { getActor } from "@/lib/auth";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { guard } from "@/lib/server/authz/guard";
import { ROLE_LABELS } from "@/lib/server/authz/permissions";
import { ApiKeyCreateForm } from "@/components/admin/api-key-create-form";
import { ApiKeyRevokeButton } from "@/components/admin/api-key-revoke-button";

export const metadata: Metadata = { title: "API keys" };

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export default async function ApiKeysPage() {
  const keys = await guard(listApiKeys(await getActor()));
  const now = new Date();
  return (
    <section>
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="mt-1 text-slate-600">
        Keys call the REST API (<code className="font-mono">/api/v1</code>, described at{" "}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        ) with the permissions of their role, limited to the organisations listed (if any). Gatehouse stores
        only a hash: a key is shown once, when it is created.
      </p>
      <div className="mt-6">
        <ApiKeyCreateForm />
      </div>
      {keys.length === 0 ? (
        <p className="mt-6 text-slate-600">No API keys yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Key</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Organisations</th>
              <th className="px-3 py-2 font-medium">Created</th>
              <th className="px-3 py-2 font-medium">Expires</th>
              <th className="px-3 py-2 font-medium">Last used</th>
              <th className="px-3 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const status = k.revokedAt ? "Revoked" : k.expiresAt <= now ? "Expired" : "Active";
              return (
                <tr key={k.id} className="border-b border-slate-100" data-testid={`api-key-${k.name}`}>
                  <td className="px-3 py-2 font-medium">{k.name}</td>
                  <td className="px-3 py-2 font-mono">{k.prefix}…</td>
                  <td className="px-3 py-2">{ROLE_LABELS[k.role]}</td>
                  <td className="px-3 py-2">{k.organizations.length ? k.organizations.join(", ") : "All"}</td>
                  <td className="px-3 py-2">{utc(k.createdAt)}</td>
                  <td className="px-3 py-2">{utc(k.expiresAt)}</td>
                  <td className="px-3 py-2">{utc(k.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {status === "Active" ? (
                      <div className="flex items-center gap-3">
                        <span>Active</span>
                        <ApiKeyRevokeButton id={k.id} name={k.name} />
                      </div>
                    ) : (
                      status
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
