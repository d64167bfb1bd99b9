import type { Evidence } from "@/lib/checks/types";
import type { ResultView } from "@/lib/server/scores/get-repo-score";
import { InlineText } from "./remediation";

function evidenceText(e: Evidence): string {
  if (e.kind === "file") return `${e.file}:${e.line}`;
  const value = typeof e.value === "string" ? e.value : JSON.stringify(e.value);
  return `${e.field} = ${value ?? String(e.value)}`;
}

/** Passing, unknown and not-applicable checks: one line each, with what the status rests on. */
export function CompactResults({
  title,
  results,
  testId,
}: {
  title: string;
  results: ResultView[];
  testId: string;
}) {
  if (results.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <summary className="cursor-pointer font-medium">
        {title} <span className="text-slate-500">({results.length})</span>
      </summary>
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {results.map((r) => (
          <li key={r.checkId} className="py-1.5">
            <span className="font-medium">{r.title}</span>{" "}
            <code className="text-xs text-slate-500">{r.checkId}</code>
            {r.reason ? (
              <span className="block text-slate-600">
                <InlineText text={r.reason} />
              </span>
            ) : null}
            {r.evidence && r.evidence.length > 0 ? (
              <span
                className="block truncate font-mono text-xs text-slate-500"
                title={r.evidence.map(evidenceText).join("\n")}
              >
                {r.evidence.slice(0, 3).map(evidenceText).join(" · ")}
                {r.evidence.length > 3 ? ` · +${r.evidence.length - 3} more` : ""}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
