// A benchmark group measures one part of Gatehouse and returns named figures. Groups are
// registered in registry.ts and each runs in its own child process, so one group's memory
// (peak RSS) is not another's.
export interface BenchOptions {
  /** Repositories to simulate, for groups that sync or score repositories. */
  repos?: number;
  /** Synthetic files to generate, for groups that analyse files. */
  files?: number;
  /** Files to give the slow baseline (actionlint) in the analyzer group. */
  sample?: number;
}

export interface BenchGroup {
  name: string;
  /** Figures keyed `<group>.<figure>`; numbers only, so results can be compared run to run. */
  run(opts: BenchOptions): Promise<Record<string, number>>;
}

/** Marks the child process's result line on stdout (groups may print other lines). */
export const RESULT_PREFIX = "@@bench-result ";
