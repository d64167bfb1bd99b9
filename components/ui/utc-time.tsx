// One way to show an instant: "2026-12-06 03:38 UTC", the same on the server and in every
// browser (no locale or time-zone formatting), with the exact instant in `dateTime`.
export function UtcTime({ at, date = false }: { at: Date; date?: boolean }) {
  const iso = at.toISOString();
  return <time dateTime={iso}>{date ? iso.slice(0, 10) : `${iso.replace("T", " ").slice(0, 16)} UTC`}</time>;
}
