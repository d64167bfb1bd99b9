/** What the policy forms' server actions return: a confirmation, or what to fix. */
export type PolicyActionState =
  null | { ok: true; message: string } | { ok: false; error: string; issues?: string[] };
