// A found secret never leaves this module in clear: evidence shows its first 4 characters.

export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}****`;
}

/** The source line with the secret (or the part of it on this line) replaced by its mask. */
export function maskedLine(line: string, lineStartOffset: number, range: readonly [number, number]): string {
  const from = Math.max(0, range[0] - lineStartOffset);
  const to = Math.min(line.length, range[1] - lineStartOffset);
  if (to <= 0 || from >= line.length) return line;
  return line.slice(0, from) + maskSecret(line.slice(from, to)) + line.slice(to);
}
