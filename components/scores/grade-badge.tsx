const STYLES: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  B: "bg-lime-100 text-lime-800 ring-lime-200",
  C: "bg-amber-100 text-amber-800 ring-amber-200",
  D: "bg-orange-100 text-orange-800 ring-orange-200",
  F: "bg-red-100 text-red-800 ring-red-200",
};

export function GradeBadge({ grade, className = "" }: { grade: string | null; className?: string }) {
  if (!grade)
    return (
      <span className={`text-slate-400 ${className}`} aria-label="not graded">
        —
      </span>
    );
  return (
    <span
      className={`inline-flex min-w-7 justify-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${STYLES[grade] ?? STYLES.F} ${className}`}
      aria-label={`grade ${grade}`}
    >
      {grade}
    </span>
  );
}
