import { SEVERITIES } from "@/lib/checks/types";

export interface TaskFilterValues {
  repo?: string;
  owner?: string;
  team?: string;
  assignee?: string;
  severity?: string;
  status?: string;
  overdue?: boolean;
}

const field = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const STATUS_LABELS: Record<string, string> = {
  active: "Open or in progress",
  open: "Open",
  in_progress: "In progress",
  fixed: "Fixed",
  accepted_risk: "Accepted risk",
};

/** A plain GET form: the whole board state lives in the URL, so a view can be shared. */
export function TaskFilters({ values }: { values: TaskFilterValues }) {
  return (
    <form method="get" aria-label="Filter tasks" className="flex flex-wrap items-end gap-3">
      {(
        [
          ["repo", "Repository", "acme/api"],
          ["owner", "Owner", "@login"],
          ["team", "Team", "@org/team"],
          ["assignee", "Assignee", "@login"],
        ] as const
      ).map(([name, label, placeholder]) => (
        <label key={name} className="text-sm">
          <span className="block font-medium">{label}</span>
          <input name={name} defaultValue={values[name] ?? ""} placeholder={placeholder} className={field} />
        </label>
      ))}
      <label className="text-sm">
        <span className="block font-medium">Severity</span>
        <select name="severity" defaultValue={values.severity ?? ""} className={field}>
          <option value="">Any</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block font-medium">Status</span>
        <select name="status" defaultValue={values.status ?? "active"} className={field}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" name="overdue" value="true" defaultChecked={values.overdue ?? false} />
        Overdue only
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white">
        Filter
      </button>
    </form>
  );
}

export { STATUS_LABELS };
