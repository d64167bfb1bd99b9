import type { Severity } from "@/lib/checks/types";
import { SEVERITY_STYLES } from "./labels";

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge ${SEVERITY_STYLES[severity]}`}>{severity}</span>;
}
