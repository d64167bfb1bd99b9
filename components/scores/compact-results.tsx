import Link from "next/link";
import type { Evidence } from "@/lib/checks/types";
import type { ResultView } from "@/lib/server/scores/get-repo-score";
import { InlineText } from "./remediation";

function evidenceText(e: Evidence): string {
  if (e.kind === "file") return `${e.file}:${e.line}`;
  const value = typeof e.value === "string" ? e.value : JSON.stringify(e.value);
  return `${e.field} = ${value ?? String(e.value)}`;
}

/**
 * Passing, unknown and not-applicable checks. Closed, only their ids (one text node) and a
 * link that opens the details; open, one line each with what the status rests on.
 */
export function CompactResults({
  title,
  results,
  testId,
  toggleHref,
  open,
}: {
  title: string;
  results: ResultView[];
  testId: string;
  /** The same page with this section opened (when closed) or closed (when open). */
  toggleHref: string;
  open: boolean;
}) {
  if (results.length === 0) return null;
  return (
    <section id={testId} aria-labelledby={`${testId}-title`} className="card text-sm" data-testid={testId}>
      <h3 id={`${testId}-title`} className="font-medium">
        {`${title} (${results.length}) `}
        <Link href={toggleHref} className="font-normal underline" data-testid={`${testId}-toggle`}>
          {open ? "Hide details" : "Show details"}
        </Link>
      </h3>
      {open ? (
        <ul className="mt-3 divide-y divide-slate-100">
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
                  {r.evidence.slice(0, 3).map(evidenceText).join(" · ") +
                    (r.evidence.length > 3 ? ` · +${r.evidence.length - 3} more` : "")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 font-mono text-xs text-slate-600">{results.map((r) => r.checkId).join(", ")}</p>
      )}
    </section>
  );
}
