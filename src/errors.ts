/**
 * Typed errors. Commands throw these; only the CLI entry turns them into exit codes
 * (UsageError → 2, everything else → 1).
 */

export class AppError extends Error {
  override name = 'AppError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad invocation: unknown flag value, missing argument, unreadable config. Exit code 2. */
export class UsageError extends AppError {
  override name = 'UsageError';
}

/** Input that does not have the expected shape: names the file/line/paper and what was expected. */
export class InputError extends AppError {
  override name = 'InputError';
}

/** A request for data that is not there (a day with no papers, an unknown paper). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
}

/** The store could not be opened or migrated. */
export class StoreError extends AppError {
  override name = 'StoreError';
}

/** A file could not be written (a full disk, no permission): names the file and why. */
export class OutputError extends AppError {
  override name = 'OutputError';
}

/** Carries a non-zero exit code for a command that finished but must report failure. */
export class ExitError extends AppError {
  override name = 'ExitError';
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
