/** A unified diff, removed and added lines marked by colour and by their -/+ prefix. */
export function DiffView({ diff }: { diff: string }) {
  return (
    <pre
      className="overflow-x-auto rounded-md border border-slate-200 bg-white p-2 text-xs leading-relaxed"
      data-testid="fix-diff"
    >
      <code>
        {diff.split("\n").map((line, i) => (
          <span
            key={i}
            className={`block ${
              line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@")
                ? "text-slate-600"
                : line.startsWith("+")
                  ? "bg-green-50 text-green-900"
                  : line.startsWith("-")
                    ? "bg-red-50 text-red-900"
                    : ""
            }`}
          >
            {line}
          </span>
        ))}
      </code>
    </pre>
  );
}
