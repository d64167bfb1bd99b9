import picomatch from "picomatch";

/**
 * A fault to inject. Request faults match on the request path (a glob such as
 * "/repos/*\/*\/hooks" or "/graphql", or a RegExp) and method; `after` skips that many
 * matching requests, `count` limits how many get the fault (default: every one).
 */
export type FaultRule =
  | (FaultMatch & { kind: "primary-limit" })
  | (FaultMatch & {
      kind: "secondary-limit";
      status?: 403 | 429;
      /** seconds; null omits the header */ retryAfter?: number | null;
    })
  | (FaultMatch & { kind: "server-error"; status?: 500 | 502 | 503 | 504 })
  /** Never answers; the socket stays open until the client gives up or the simulator closes. */
  | (FaultMatch & { kind: "hang" })
  /** GraphQL `Blob.text` of matching file paths (glob on `files`) is cut to `maxBytes` with isTruncated: true. */
  | (FaultMatch & { kind: "truncate-blobs"; files?: string; maxBytes?: number });

export interface FaultMatch {
  path?: string | RegExp;
  method?: string;
  count?: number;
  after?: number;
}

export interface FaultConfig {
  rules: FaultRule[];
}

interface ArmedRule {
  rule: FaultRule;
  seen: number;
  fired: number;
  matchPath: (p: string) => boolean;
  matchFile: ((p: string) => boolean) | null;
}

function arm(rule: FaultRule): ArmedRule {
  const p = rule.path;
  const matchPath =
    p === undefined
      ? () => true
      : p instanceof RegExp
        ? (s: string) => p.test(s)
        : picomatch(p, { dot: true });
  const matchFile =
    rule.kind === "truncate-blobs" && rule.files ? picomatch(rule.files, { dot: true }) : null;
  return { rule, seen: 0, fired: 0, matchPath, matchFile };
}

export class FaultEngine {
  private armed: ArmedRule[] = [];

  constructor(config?: FaultConfig) {
    this.set(config);
  }

  set(config: FaultConfig | undefined): void {
    this.armed = (config?.rules ?? []).map(arm);
  }

  private take(a: ArmedRule): boolean {
    a.seen += 1;
    if (a.seen <= (a.rule.after ?? 0)) return false;
    if (a.rule.count !== undefined && a.fired >= a.rule.count) return false;
    a.fired += 1;
    return true;
  }

  /** The request-level fault for this request, if any (consumes one use of the rule). */
  forRequest(method: string, path: string): FaultRule | null {
    for (const a of this.armed) {
      if (a.rule.kind === "truncate-blobs") continue;
      if (a.rule.method && a.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!a.matchPath(path)) continue;
      if (this.take(a)) return a.rule;
    }
    return null;
  }

  /** Byte limit to cut this blob at, or null to serve it whole. */
  truncation(filePath: string): number | null {
    for (const a of this.armed) {
      if (a.rule.kind !== "truncate-blobs") continue;
      if (a.matchFile && !a.matchFile(filePath)) continue;
      if (this.take(a)) return a.rule.maxBytes ?? 64;
    }
    return null;
  }
}
