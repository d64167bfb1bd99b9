// A single self-overwriting progress line on stderr, only for a person at a terminal
// and only when the tree is big enough for the wait to be noticeable: piped output and
// CI logs stay clean.
export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const PROGRESS_MIN_FILES = 200;

export function makeProgress(
  stream: ProgressStream,
  minTotal = PROGRESS_MIN_FILES,
  intervalMs = 100,
  clock: () => number = Date.now,
): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      if (total < minTotal) return;
      const now = clock();
      if (now - last < intervalMs && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[Kgatehouse: analysing files ${done}/${total}`);
    },
    finish() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
