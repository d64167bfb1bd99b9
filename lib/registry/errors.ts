// One vocabulary for what went wrong talking to a registry. Every kind except a plain
// "not found" of an optional artifact means the fact is unknown (null), never false.

export type RegistryErrorKind =
  /** 404: repository, tag or manifest absent. */
  | "not_found"
  /** 401/403 after the token dance, or credentials we refuse to send. */
  | "unauthorized"
  /** Connection refused/reset, DNS, timeout, 5xx. */
  | "unreachable"
  /** The answer exceeded the configured bound. */
  | "too_large"
  /** A body we could not parse (JSON or manifest shape), or a digest that does not match its content. */
  | "malformed"
  /** Any other unexpected answer (e.g. 400, 429, a redirect off the registry). */
  | "protocol";

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

export function isRegistryError(error: unknown, kind?: RegistryErrorKind): error is RegistryError {
  return error instanceof RegistryError && (kind === undefined || error.kind === kind);
}

/** Network-level failures (fetch TypeError, AbortSignal timeout) and anything unexpected. */
export function toRegistryError(error: unknown, what: string): RegistryError {
  if (error instanceof RegistryError) return error;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError")
    return new RegistryError("unreachable", `${what}: timed out`);
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return new RegistryError("unreachable", `${what}: ${detail}`);
}

export function statusError(status: number, what: string, body = ""): RegistryError {
  const detail = body ? ` ${body.slice(0, 200)}` : "";
  if (status === 404) return new RegistryError("not_found", `${what}: not found${detail}`, status);
  if (status === 401 || status === 403)
    return new RegistryError("unauthorized", `${what}: HTTP ${status}${detail}`, status);
  if (status >= 500) return new RegistryError("unreachable", `${what}: HTTP ${status}${detail}`, status);
  return new RegistryError("protocol", `${what}: HTTP ${status}${detail}`, status);
}
