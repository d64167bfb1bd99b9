import type { Severity } from "@/lib/checks/types";
import { SEVERITY_STYLES } from "./labels";

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium capitalize ring-1 ${SEVERITY_STYLES[severity]}`}
    >
      {severity}
    </span>
  );
}
