import "server-only";
import pkg from "../../../package.json";
import { getEnv } from "../../env";

export const GATEHOUSE_VERSION: string = pkg.version;

/** How packs name the instance that made them: its public host, else "gatehouse". */
export function instanceName(): string {
  const url = getEnv().NEXTAUTH_URL;
  return url ? new URL(url).host : "gatehouse";
}
