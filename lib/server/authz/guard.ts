import "server-only";
import { forbidden, redirect } from "next/navigation";
import { isAppError } from "../../errors";

/**
 * For pages: turns the data layer's authorisation errors into Next's 403 page or a
 * redirect to sign-in. (The data layer itself already refused and audited.)
 */
export async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error, "forbidden")) forbidden();
    if (isAppError(error, "unauthenticated")) redirect("/signin");
    throw error;
  }
}
