import "server-only";
import { EnvError, getEnv } from "../env";

/** A missing or malformed variable stops start-up here, naming it, not on the first request. */
export function checkEnvOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Gatehouse cannot start.\n${error.message}\nSee .env.example for every variable.`);
    process.exit(1);
  }
}
