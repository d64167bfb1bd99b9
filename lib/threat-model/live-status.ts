// A threat's status as the page and API show it: the stored status, overridden by the
// live result of its check controls. All check controls passing is evidence of
// mitigation; one failing check re-opens the threat at once, whatever was stored.
import type { Control, ControlLink, Threat, ThreatModel, ThreatStatus } from "./model";

export type CheckStatus = "pass" | "fail" | "not-applicable" | "unknown";

export interface LinkView extends ControlLink {
  control: Control;
  /** A check control's latest result ("missing": the repository has not been scored for it). */
  live: CheckStatus | "missing" | null;
  /**
   * Where the failure is being worked on. The remediation-task feature (issue 9) fills this
   * through `LiveStatusOptions.taskHref`; until then it is null.
   */
  taskHref: string | null;
}

export interface ThreatView extends Threat {
  links: LinkView[];
  effectiveStatus: ThreatStatus;
  /** evidence: every check control passes; failing: a check control fails now. */
  basis: "stored" | "evidence" | "failing";
  failingChecks: string[];
}

export interface LiveStatusOptions {
  /** Link to the remediation task of a failing check, once tasks exist. */
  taskHref?: (check: string) => string | null;
}

export function liveThreats(
  model: ThreatModel,
  checks: Readonly<Record<string, CheckStatus>> | null,
  options: LiveStatusOptions = {},
): ThreatView[] {
  const controls = new Map(model.controls.map((c) => [c.id, c]));
  return model.threats.map((t) => {
    const links: LinkView[] = [];
    for (const l of t.controls) {
      const control = controls.get(l.controlId);
      if (!control) continue;
      const live =
        control.kind === "check" ? (checks ? (checks[control.check] ?? "missing") : "missing") : null;
      const taskHref =
        live === "fail" && control.kind === "check" ? (options.taskHref?.(control.check) ?? null) : null;
      links.push({ ...l, control, live, taskHref });
    }
    const counted = links.filter((l) => l.control.kind === "check" && l.status !== "not-applicable");
    const failingChecks = counted
      .filter((l) => l.live === "fail")
      .map((l) => (l.control as { check: string }).check);
    const allPass =
      counted.length > 0 &&
      counted.some((l) => l.live === "pass") &&
      counted.every((l) => l.live === "pass" || l.live === "not-applicable") &&
      links.every((l) => l.control.kind === "check" || l.status !== "planned");
    // An accepted or transferred risk stays so (someone owns it), but still shows the failure.
    const owned = t.status === "accepted" || t.status === "transferred";
    if (failingChecks.length > 0)
      return { ...t, links, effectiveStatus: owned ? t.status : "open", basis: "failing", failingChecks };
    if (allPass && t.status === "open")
      return { ...t, links, effectiveStatus: "mitigated", basis: "evidence", failingChecks };
    return { ...t, links, effectiveStatus: t.status, basis: allPass ? "evidence" : "stored", failingChecks };
  });
}
