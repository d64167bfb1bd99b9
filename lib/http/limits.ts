// Request-size limits that must agree with each other [ASVS 16.5]: whatever the policy
// schema accepts must fit in one server-action body, or an allowed policy would die in
// Next's body parser (a 500) instead of being saved or refused with a message.

/** next.config.js experimental.serverActions.bodySizeLimit ("2mb"; a test compares). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** Longest policy text the editor accepts, in characters (UTF-8: at most 4 bytes each). */
export const POLICY_MAX_CHARS = 500_000;

/** Room for the other form fields and multipart framing. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Highest page number a list accepts; beyond it the answer is 404, not a database error. */
export const MAX_PAGE = 1_000_000;
