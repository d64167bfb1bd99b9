import Link from "next/link";
import type { Params } from "./overview-url";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col gap-1 text-xs font-medium text-slate-700";

function Select({
  name,
  text,
  value,
  options,
}: {
  name: string;
  text: string;
  value?: string;
  options: Array<[string, string]>;
}) {
  return (
    <label className={label}>
      {text}
      <select name={name} defaultValue={value ?? ""} className={input}>
        <option value="">any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The repository table's filters as a plain GET form: submitting writes them into the URL
 * (shareable, back-button friendly) and works without JavaScript. `keep` carries the rest
 * of the overview's state (organisation, trend range, checks sort).
 */
export function RepoFilterForm({ params, keep, checks }: { params: Params; keep: Params; checks: string[] }) {
  const yesNo: Array<[string, string]> = [
    ["true", "yes"],
    ["false", "no"],
  ];
  return (
    <form
      method="get"
      action="/"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid="repo-filters"
      aria-label="Repository filters"
    >
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className={label}>
        Name
        <input type="search" name="q" defaultValue={params.q ?? ""} placeholder="search" className={input} />
      </label>
      <Select
        name="grade"
        text="Grade"
        value={params.grade}
        options={["A", "B", "C", "D", "F"].map((g) => [g, g])}
      />
      <Select
        name="failing"
        text="Failing check"
        value={params.failing}
        options={checks.map((c) => [c, c])}
      />
      <Select
        name="severity"
        text="Severity (at least)"
        value={params.severity}
        options={["critical", "high", "medium", "low"].map((s) => [s, s])}
      />
      <Select
        name="category"
        text="Category"
        value={params.category}
        options={[
          ["identity", "Identity & access"],
          ["secrets", "Secrets"],
          ["supplyChain", "Supply chain"],
          ["integrity", "Build & release integrity"],
          ["changeControl", "Change control"],
        ]}
      />
      <label className={label}>
        Score from
        <input
          type="number"
          name="min"
          min={0}
          max={100}
          defaultValue={params.min ?? ""}
          className={`${input} w-20`}
        />
      </label>
      <label className={label}>
        to
        <input
          type="number"
          name="max"
          min={0}
          max={100}
          defaultValue={params.max ?? ""}
          className={`${input} w-20`}
        />
      </label>
      <label className={label}>
        Team or owner
        <input
          type="text"
          name="owner"
          defaultValue={params.owner ?? ""}
          placeholder="@acme/platform"
          className={input}
        />
      </label>
      <Select
        name="visibility"
        text="Visibility"
        value={params.visibility}
        options={["public", "private", "internal"].map((v) => [v, v])}
      />
      <Select name="critical" text="Critical" value={params.critical} options={yesNo} />
      <Select name="production" text="Production environment" value={params.production} options={yesNo} />
      <label className="flex items-center gap-1 text-sm text-slate-700">
        <input type="checkbox" name="archived" value="true" defaultChecked={params.archived === "true"} />{" "}
        archived
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-700">
        <input type="checkbox" name="empty" value="true" defaultChecked={params.empty === "true"} /> empty
      </label>
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
        Apply filters
      </button>
      <Link
        href={`/?${new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => !!e[1])).toString()}`}
        className="text-sm text-slate-700 underline"
      >
        Reset
      </Link>
    </form>
  );
}
