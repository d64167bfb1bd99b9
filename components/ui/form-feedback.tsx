import type { ActionResult } from "@/lib/server/action-result";

/** The outcome of a server action under its form: the error, or what succeeded. */
export function FormFeedback({ state, success }: { state: ActionResult; success: string }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-emerald-700">
      {success}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-700">
      {state.error}
    </p>
  );
}
