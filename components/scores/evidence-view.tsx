import type { Evidence } from "@/lib/checks/types";

function show(value: unknown): string {
  if (typeof value === "string") return value;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/** file:line with the offending snippet, or the API field and the value GitHub returned. */
export function EvidenceView({
  evidence,
  href,
  className = "",
}: {
  evidence: Evidence;
  href?: string | null;
  className?: string;
}) {
  if (evidence.kind === "file") {
    const where = `${evidence.file}:${evidence.line}${evidence.column ? `:${evidence.column}` : ""}`;
    return (
      <div data-testid="evidence" className={className}>
        <p className="font-mono text-xs text-slate-600">
          {href ? (
            <a href={href} className="underline" rel="noreferrer" data-testid="evidence-link">
              {where}
            </a>
          ) : (
            where
          )}
        </p>
        {evidence.snippet ? (
          <pre className="snippet">
            <code>{evidence.snippet}</code>
          </pre>
        ) : null}
      </div>
    );
  }
  return (
    <p data-testid="evidence" className={`font-mono text-xs break-all text-slate-700 ${className}`}>
      {evidence.url ? (
        <a href={evidence.url} className="underline" rel="noreferrer">
          {evidence.field}
        </a>
      ) : (
        evidence.field
      )}
      {` = ${show(evidence.value)}`}
    </p>
  );
}
