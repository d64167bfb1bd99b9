// A RepoSource's status walks, read once: the first walk that runs to its end is kept in
// a compact form (each result a byte, each distinct list of check ids once), and later
// walks replay it. A pack walks the statuses four times (counts, scores.json, scores.csv,
// the report); at 10,000 repositories each read kept Postgres busy for seconds, while
// the kept form is about 5 MB (one small record per repository, the same order as the
// list of repositories in scope that the loader holds anyway).
import { RESULT_STATUSES, type RepoStatuses, type ResultStatus } from "./input";

type Walk = () => AsyncIterable<readonly RepoStatuses[]>;

interface Kept extends Omit<RepoStatuses, "results"> {
  checks: readonly string[];
  codes: Uint8Array;
}

const CODE = new Map<ResultStatus, number>(RESULT_STATUSES.map((s, i) => [s, i]));

export function keepStatusWalk(read: Walk): Walk {
  let kept: Kept[][] | undefined;
  const checkLists = new Map<string, readonly string[]>();

  function keep({ results, ...repo }: RepoStatuses): Kept {
    const ids = results.map((r) => r.check);
    const key = ids.join("\n");
    let checks = checkLists.get(key);
    if (!checks) checkLists.set(key, (checks = ids));
    return { ...repo, checks, codes: Uint8Array.from(results, (r) => CODE.get(r.status)!) };
  }

  function replay({ checks, codes, ...repo }: Kept): RepoStatuses {
    return { ...repo, results: checks.map((check, i) => ({ check, status: RESULT_STATUSES[codes[i]!]! })) };
  }

  return async function* walk() {
    if (kept) {
      for (const page of kept) yield page.map(replay);
      return;
    }
    const recording: Kept[][] = [];
    for await (const page of read()) {
      recording.push(page.map(keep));
      yield page;
    }
    // Only a walk that reached the end holds every repository (the report stops early).
    kept = recording;
  };
}
