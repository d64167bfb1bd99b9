// Counters for one sync run, fed by the client's fetch wrapper (every HTTP attempt,
// retries included, because each attempt is what GitHub charges).

export type ErrorKind =
  | "rate_limited"
  | "permission"
  | "not_found"
  | "server"
  | "timeout"
  | "network"
  | "graphql"
  | "invalid_data"
  | "other";

/** One failed request as the Sync page shows it: what was asked, and how it failed (no query string, no body). */
export interface ErrorSample {
  kind: ErrorKind;
  method?: string;
  path?: string;
  status?: number;
  message?: string;
}

/** Per step: enough to see which requests failed without letting a bad run grow a row. */
const MAX_ERROR_SAMPLES = 20;

export class RequestStats {
  restRequests = 0;
  restNotModified = 0;
  graphqlQueries = 0;
  graphqlPoints = 0;
  retries = 0;
  rateLimitWaitMs = 0;
  coreRemaining: number | null = null;
  graphqlRemaining: number | null = null;
  errors: Partial<Record<ErrorKind, number>> = {};
  errorSamples: ErrorSample[] = [];

  recordResponse(url: string, status: number, headers: Headers): void {
    const graphql = new URL(url).pathname.endsWith("/graphql");
    if (graphql) this.graphqlQueries++;
    else {
      this.restRequests++;
      if (status === 304) this.restNotModified++;
    }
    const remaining = headers.get("x-ratelimit-remaining");
    if (remaining !== null && Number.isFinite(Number(remaining))) {
      const resource = headers.get("x-ratelimit-resource") ?? (graphql ? "graphql" : "core");
      if (resource === "graphql") this.graphqlRemaining = Number(remaining);
      else if (resource === "core") this.coreRemaining = Number(remaining);
    }
  }

  recordFailure(url: string): void {
    // A request that never got a response still hit the network.
    if (new URL(url).pathname.endsWith("/graphql")) this.graphqlQueries++;
    else this.restRequests++;
  }

  recordError(kind: ErrorKind, sample: Omit<ErrorSample, "kind"> = {}): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push({ kind, ...sample });
  }

  /** Rate-limit units GitHub charges: REST calls except 304s, plus GraphQL points. */
  get rateLimitUnits(): number {
    return this.restRequests - this.restNotModified + this.graphqlPoints;
  }

  snapshot() {
    return {
      restRequests: this.restRequests,
      restNotModified: this.restNotModified,
      graphqlQueries: this.graphqlQueries,
      graphqlPoints: this.graphqlPoints,
      retries: this.retries,
      rateLimitWaitMs: this.rateLimitWaitMs,
      coreRemaining: this.coreRemaining,
      graphqlRemaining: this.graphqlRemaining,
      rateLimitUnits: this.rateLimitUnits,
      errors: { ...this.errors },
      errorSamples: [...this.errorSamples],
    };
  }
}

export type RequestStatsSnapshot = ReturnType<RequestStats["snapshot"]>;
