import { AppError } from '../errors.js';

/** Runs a CLI command, printing errors as one line and exiting with the error's stable exit code. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode ??= 0;
    },
    (error: unknown) => {
      if (error instanceof AppError) {
        console.error(`Error (${error.code}): ${error.message}`);
        process.exit(error.exitCode);
      }
      console.error(error);
      process.exit(1);
    },
  );
}

/** A usage error: printed with the usage text, exit code 2. */
export function usageError(message: string, usage: string): AppError {
  return new AppError('bad_request', `${message}\n${usage}`);
}
