import type { Category } from "../checks/types";

export type Grade = "A" | "B" | "C" | "D" | "F";

/** How many checks ended in each effective status (after suppressions). */
export interface ScoreCounts {
  total: number;
  pass: number;
  fail: number;
  notApplicable: number;
  unknown: number;
  /** Checks that pass only because all their findings were suppressed; included in `pass`. */
  suppressed: number;
}

export interface Scores {
  /** 0..100 with one decimal; null when nothing in the category could be judged. */
  categories: Record<Category, number | null>;
  /** Mean of the non-null categories, one decimal; null when every category is null. */
  overall: number | null;
  grade: Grade | null;
  /** Share of checks (0..1, three decimals) whose status is not `unknown`; 0 with no checks. */
  coverage: number;
  counts: ScoreCounts;
}
