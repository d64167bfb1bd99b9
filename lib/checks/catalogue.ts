// The whole checklist (CHECKS.md), in one list. Ids are public interface: the catalogue
// test pins every id with its category and severity.
import { settingsChecks } from "./settings";
import { supplyChecks } from "./supply";
import type { CheckDefinition } from "./types";
import { wfChecks } from "./wf";

export const catalogue: CheckDefinition[] = [...wfChecks, ...supplyChecks, ...settingsChecks];

export function checkById(id: string): CheckDefinition | undefined {
  return catalogue.find((c) => c.id === id);
}
