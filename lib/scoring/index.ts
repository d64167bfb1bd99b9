export type { Grade, ScoreCounts, Scores } from "./types";
export { scoreResults, effectiveStatus, effectiveStatusOf, gradeFor, GRADE_THRESHOLDS } from "./score";
export { topFixes, type TopFix } from "./top-fixes";
