import type { PolicyActionState } from "./action-state";

export function ActionFeedback({ state }: { state: PolicyActionState }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  }
  return (
    <div role="alert" className="text-sm text-red-700">
      <p>{state.error}</p>
      {state.issues ? (
        <ul className="mt-1 list-disc pl-5 font-mono text-xs" data-testid="policy-issues">
          {state.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
