import { ConfigError } from '../config/config';

/**
 * Runs a service's command-line task (`npm run make-admin`, `payments-admin`) and exits with the code it
 * returns. A ConfigError (a missing or invalid variable) exits 2 with its message, like bad usage; any
 * other failure exits 3 with its cause: drizzle wraps the driver's error, whose message says what went
 * wrong (e.g. the database does not exist).
 */
export function runCommand(name: string, main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      console.error(`${name} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
      process.exit(3);
    },
  );
}
