// The six framework mappings, validated once when first used. Adding a framework means a
// JSON file here, its id in FRAMEWORK_IDS, and the mapping test passing.
import cisSsc from "./cis-ssc.json";
import iso27001 from "./iso27001.json";
import ospsBaseline from "./osps-baseline.json";
import slsa from "./slsa.json";
import soc2 from "./soc2.json";
import ssdf from "./ssdf.json";
import { FRAMEWORK_IDS, frameworkSchema, type Framework, type FrameworkId } from "./schema";

export { FRAMEWORK_IDS, type Framework, type FrameworkId, type Control } from "./schema";

const RAW: Record<FrameworkId, unknown> = {
  soc2,
  iso27001,
  ssdf,
  slsa,
  "cis-ssc": cisSsc,
  "osps-baseline": ospsBaseline,
};

let parsed: Map<FrameworkId, Framework> | undefined;

export function allFrameworks(): Framework[] {
  parsed ??= new Map(
    FRAMEWORK_IDS.map((id) => {
      const fw = frameworkSchema.parse(RAW[id]);
      if (fw.id !== id) throw new Error(`framework file for ${id} declares id ${fw.id}`);
      return [id, fw] as const;
    }),
  );
  return [...parsed.values()];
}

export function getFramework(id: FrameworkId): Framework {
  return allFrameworks().find((f) => f.id === id)!;
}

export function isFrameworkId(s: string): s is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(s);
}
