/** Request counters per token, for tests and the benchmark to assert on what sync cost. */
export interface TokenStats {
  rest: number;
  notModified: number;
  graphql: number;
  graphqlPoints: number;
}

export interface SimulatorStats extends TokenStats {
  /** Requests answered by an injected fault. */
  faults: number;
  /** Requests refused by a (real, not injected) secondary limit. */
  secondaryLimited: number;
  /** Requests refused because the primary budget was spent. */
  primaryLimited: number;
  /** Keyed by the token string ("anonymous" without one). */
  byToken: Record<string, TokenStats>;
  /** REST requests per "METHOD /template" route. */
  routes: Record<string, number>;
  reset(): void;
}

export function createStats(): SimulatorStats {
  const stats: SimulatorStats = {
    rest: 0,
    notModified: 0,
    graphql: 0,
    graphqlPoints: 0,
    faults: 0,
    secondaryLimited: 0,
    primaryLimited: 0,
    byToken: {},
    routes: {},
    reset() {
      Object.assign(stats, {
        rest: 0,
        notModified: 0,
        graphql: 0,
        graphqlPoints: 0,
        faults: 0,
        secondaryLimited: 0,
        primaryLimited: 0,
        byToken: {},
        routes: {},
      });
    },
  };
  return stats;
}

export function tokenStats(stats: SimulatorStats, token: string): TokenStats {
  let t = stats.byToken[token];
  if (!t) {
    t = { rest: 0, notModified: 0, graphql: 0, graphqlPoints: 0 };
    stats.byToken[token] = t;
  }
  return t;
}
