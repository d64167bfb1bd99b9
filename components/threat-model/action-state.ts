/** What the threat-model page's server actions return. */
export type ThreatModelActionState =
  | { ok: true; revision: number; message: string }
  | { ok: false; error: string; conflict?: { currentRevision: number; changes: string[] } };
