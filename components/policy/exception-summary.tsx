import type { ExceptionStatus } from "@/lib/policy";

export interface ExceptionSummaryData {
  id: string;
  fingerprint?: string | null;
  requestedBy?: string | null;
  approver?: string | null;
  expiresAt: string;
  status: ExceptionStatus;
}

const STATUS_TEXT: Record<ExceptionStatus, string> = {
  pending: "pending approval",
  active: "active",
  expired: "expired",
};

/**
 * One line saying who asked for an exception, who approved it (or that it awaits a second
 * lead), and when it ends: the same words on the repository page, the policy page and tasks.
 */
export function ExceptionSummary({ exception: e }: { exception: ExceptionSummaryData }) {
  return (
    <span data-testid={`exception-summary-${e.id}`}>
      <span className="font-mono text-xs">{e.id}</span> ({e.fingerprint ? "this finding only" : "whole check"}
      ) · requested by {e.requestedBy ?? "unknown"} ·{" "}
      {e.approver ? `approved by ${e.approver}` : <strong className="font-medium">pending approval</strong>} ·{" "}
      {e.status === "expired" ? "expired" : "expires"} {e.expiresAt.slice(0, 10)} (UTC)
      {e.status === "pending" ? null : <span className="sr-only"> ({STATUS_TEXT[e.status]})</span>}
    </span>
  );
}
