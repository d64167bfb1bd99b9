// A horizontal bar filled to `percent`. Drawn as SVG geometry rather than a style="width"
// attribute: the Content-Security-Policy allows no inline styles (no 'unsafe-inline').
export function Bar({
  percent,
  className = "h-2",
  fill = "fill-slate-700",
}: {
  percent: number;
  className?: string;
  fill?: string;
}) {
  const width = Math.max(0, Math.min(100, percent));
  return (
    <svg
      className={`block w-full ${className}`}
      viewBox="0 0 100 1"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {width > 0 ? (
        <rect className={fill} x="0" y="0" width={Math.max(width, 1)} height="1" rx="0.5" />
      ) : null}
    </svg>
  );
}
