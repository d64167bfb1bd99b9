import { AppError } from "../../errors";

/** A policy document that parsePolicy refused; `issues` are "path: message" lines for the form. */
export class PolicyInvalidError extends AppError {
  constructor(readonly issues: string[]) {
    super("invalid", `The policy is invalid: ${issues.join("; ")}`);
    this.name = "PolicyInvalidError";
  }
}
