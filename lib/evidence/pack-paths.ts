// Fixed paths inside a pack, shared by the builder and the verifier.
export const OSCAL_PATH = "oscal/assessment-results.json";
export const REPORT_PATH = "report.pdf";

/** Unix mode every entry carries (regular file, rw-r--r--); the verifier insists on it. */
export const ENTRY_MODE = 0o100644;

/** The zip "version made by" the builder writes (Unix, spec 6.3). */
export const VERSION_MADE_BY = (3 << 8) | 63;
