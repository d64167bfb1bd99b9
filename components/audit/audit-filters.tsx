export interface AuditFilterValues {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";
const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "login or system", type: "text" },
  { name: "action", label: "Action", placeholder: "authz. or user.role_changed", type: "text" },
  { name: "target", label: "Target", placeholder: "acme/api, a login, a type", type: "text" },
  { name: "from", label: "From", placeholder: "", type: "date" },
  { name: "to", label: "To", placeholder: "", type: "date" },
] as const;

/** A plain GET form: filters live in the URL, so a filtered page is a link and works without JS. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label="Filter the audit log"
      className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      {FIELDS.map((f) => (
        <label key={f.name} className="text-sm">
          <span className="block text-slate-600">{f.label}</span>
          <input
            name={f.name}
            type={f.type}
            defaultValue={values[f.name] ?? ""}
            placeholder={f.placeholder || undefined}
            className={input}
          />
        </label>
      ))}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white">
          Filter
        </button>
        <a href="/admin/audit" className="px-2 py-1.5 text-sm text-slate-700 underline">
          Clear
        </a>
      </div>
    </form>
  );
}

/** The filters as a query string (empty ones left out), plus any extra parameters. */
export function auditQuery(values: AuditFilterValues, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}
