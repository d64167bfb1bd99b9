import { Bar } from "./bar";

/**
 * An accessible progress bar (role="progressbar", 0–100) around the SVG Bar: the one shape
 * the sync, re-scoring and evidence-export progress all use.
 */
export function ProgressBar({
  percent,
  label,
  className = "h-2 w-full rounded bg-slate-200",
  fill,
}: {
  percent: number;
  label: string;
  className?: string;
  fill?: string;
}) {
  return (
    <div
      className={className}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <Bar percent={percent} fill={fill} />
    </div>
  );
}
