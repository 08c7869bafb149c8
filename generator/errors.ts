/** Errors shared by the commands and the modules they run (diff/), so that neither imports the other for them. */

/** Bad usage found while running a command (exit code 2). */
export class UsageError extends Error {}
