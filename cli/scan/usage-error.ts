/** A mistake in how scan was invoked: exit 2 with the message (main.ts). */
export class UsageError extends Error {}
