import type { TopFix } from "@/lib/scoring/top-fixes";
import { checkById } from "@/lib/checks/catalogue";
import { CATEGORY_LABELS, formatScore } from "./labels";

/** The few changes that raise the score most, each a jump link to its check. */
export function TopFixes({ fixes }: { fixes: TopFix[] }) {
  return (
    <section aria-labelledby="top-fixes" className="card">
      <h2 id="top-fixes" className="font-semibold">
        Top fixes
      </h2>
      {fixes.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Nothing left to fix: no open failure lowers the score.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm" data-testid="top-fixes">
          {fixes.map((fix) => (
            <li key={fix.checkId} className="flex flex-wrap items-baseline gap-x-2">
              <a href={`#check-${fix.checkId}`} className="font-medium underline">
                {checkById(fix.checkId)?.title ?? fix.checkId}
              </a>
              <span className="text-slate-700">
                {`+${fix.gain.toFixed(1)} points (to ${formatScore(fix.overallAfter)}) · `}
                <a href={`#cat-${fix.category}`} className="underline">
                  {CATEGORY_LABELS[fix.category]}
                </a>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
