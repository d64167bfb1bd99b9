// Which CODEOWNERS file GitHub uses: the first of .github/, root, docs/.
const CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

export function locateCodeowners(paths: Iterable<string>): { used?: string; ignored: string[] } {
  const set = new Set(paths);
  const found = CODEOWNERS_LOCATIONS.filter((p) => set.has(p));
  const [used, ...ignored] = found;
  return used !== undefined ? { used, ignored } : { ignored: [] };
}
