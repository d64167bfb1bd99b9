import Link from "next/link";
import { UtcTime } from "../ui/utc-time";

export interface PolicyComparison {
  version: number;
  activeVersion: number;
  createdAt: Date;
  note: string | null;
  policyJson: string;
  changes: string[];
}

/** A past version against the active one: the field-by-field changes since, and its whole document. */
export function PolicyCompare({ comparison: c }: { comparison: PolicyComparison }) {
  return (
    <section
      aria-labelledby="compare-title"
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid="policy-compare"
    >
      <h2 id="compare-title" className="font-semibold">
        Version {c.version} compared with the current version ({c.activeVersion})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Saved <UtcTime at={c.createdAt} />
        {c.note ? `: ${c.note}` : ""}.{" "}
        <Link href="/policy" className="underline">
          Close
        </Link>
      </p>
      {c.changes.length === 0 ? (
        <p className="mt-2 text-sm">Same as the current version.</p>
      ) : (
        <>
          <h3 className="mt-3 text-sm font-medium">Changed since version {c.version}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="policy-compare-changes">
            {c.changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">Version {c.version} as JSON</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs">{c.policyJson}</pre>
      </details>
    </section>
  );
}
