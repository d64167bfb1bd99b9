// Benchmark groups, loaded lazily so each child process only loads the group it runs.
// Add a group: write bench/groups/<name>.ts exporting `group: BenchGroup` and list it here.
import type { BenchGroup } from "./types";

export const groupLoaders: Record<string, () => Promise<BenchGroup>> = {
  analyzer: async () => (await import("./groups/analyzer")).group,
  sync: async () => (await import("./groups/sync")).group,
  history: async () => (await import("./groups/history")).group,
  threatModels: async () => (await import("./groups/threat-models")).group,
  evidence: async () => (await import("./groups/evidence")).group,
  web: async () => (await import("./groups/web")).group,
};

export const groupNames = (): string[] => Object.keys(groupLoaders);
