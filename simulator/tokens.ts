import { randomBytes } from "node:crypto";

// Credentials the simulator hands out or accepts: OAuth codes (single use, short lived),
// OAuth access tokens, fixture PATs and GitHub App installation tokens.

export type TokenKind = "oauth" | "pat" | "installation";

export interface TokenInfo {
  token: string;
  kind: TokenKind;
  /** The acting user, or `<slug>[bot]` for installation tokens. */
  login: string;
  scopes: string[];
  expiresAt: number | null;
}

interface PendingCode {
  clientId: string;
  redirectUri: string | null;
  login: string;
  scope: string;
  expiresAt: number;
}

/** GitHub's OAuth codes expire after ten minutes. */
const CODE_TTL_MS = 10 * 60 * 1000;

function randomToken(prefix: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(36);
  let s = "";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${prefix}_${s}`;
}

export class TokenStore {
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, TokenInfo>();

  constructor(private readonly now: () => number) {}

  addStatic(info: Omit<TokenInfo, "expiresAt"> & { expiresAt?: number | null }): void {
    this.tokens.set(info.token, { ...info, expiresAt: info.expiresAt ?? null });
  }

  issueCode(p: Omit<PendingCode, "expiresAt">): string {
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { ...p, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Consumes the code whatever the outcome: GitHub codes are single-use. */
  redeemCode(code: string): PendingCode | "expired" | null {
    const p = this.codes.get(code);
    if (!p) return null;
    this.codes.delete(code);
    return p.expiresAt < this.now() ? "expired" : p;
  }

  issueToken(kind: TokenKind, login: string, scopes: string[], ttlMs: number | null = null): TokenInfo {
    const info: TokenInfo = {
      token: randomToken(kind === "oauth" ? "gho" : kind === "installation" ? "ghs" : "ghp"),
      kind,
      login,
      scopes,
      expiresAt: ttlMs === null ? null : this.now() + ttlMs,
    };
    this.tokens.set(info.token, info);
    return info;
  }

  lookup(token: string): TokenInfo | null {
    const t = this.tokens.get(token);
    if (!t) return null;
    if (t.expiresAt !== null && t.expiresAt < this.now()) return null;
    return t;
  }
}
