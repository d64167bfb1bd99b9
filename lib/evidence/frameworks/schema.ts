// The shape of a framework mapping file. Mappings are data an auditor can review in a
// diff: control ids and short titles only (never copyrighted control text), each file
// naming where its ids come from.
import { z } from "zod";

export const FRAMEWORK_IDS = ["soc2", "iso27001", "ssdf", "slsa", "cis-ssc", "osps-baseline"] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

const checkId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const controlSchema = z.object({
  id: z.string().min(1).max(40),
  // Short on purpose: a title longer than this is likely copied control text.
  title: z.string().min(3).max(90),
  checks: z.array(checkId).min(1),
  /** Finer ids inside this control (e.g. CIS recommendation 1.1.3 inside section 1.1) the checks speak to. */
  recommendations: z.array(z.string().regex(/^[A-Za-z0-9.-]{1,20}$/)).optional(),
  /** A machine-readable copy of the framework where this control's ids were checked. */
  verifiedAgainst: z.url().optional(),
});

export const frameworkSchema = z
  .object({
    id: z.enum(FRAMEWORK_IDS),
    name: z.string().min(2),
    version: z.string().min(1),
    source: z.object({
      publisher: z.string().min(2),
      document: z.string().min(5),
      url: z.url(),
      note: z.string().min(5),
    }),
    controls: z.array(controlSchema).min(1),
  })
  .superRefine((fw, ctx) => {
    const seen = new Set<string>();
    for (const c of fw.controls) {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", message: `duplicate control ${c.id}` });
      seen.add(c.id);
      if (new Set(c.checks).size !== c.checks.length)
        ctx.addIssue({ code: "custom", message: `control ${c.id} lists a check twice` });
      for (const r of c.recommendations ?? [])
        if (!r.startsWith(`${c.id}.`))
          ctx.addIssue({ code: "custom", message: `control ${c.id}: recommendation ${r} is not inside it` });
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type Control = z.infer<typeof controlSchema>;
