import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { SimContext } from "./context";
import { readBody, sendJson } from "./http";

// Test-only routes under /_simulator/, off unless the simulator was started with
// `testHooks: true` (the e2e demo servers pass --simulator-test-hooks). They let a
// browser journey change the simulated org at runtime, as a push to GitHub would.
//   POST /_simulator/repos/{name}/push  {"files": {"path": "text" | null}, "message"?: "…"}

const PushBody = z.strictObject({
  files: z.record(z.string().min(1).max(500), z.string().max(1_000_000).nullable()),
  message: z.string().max(500).optional(),
});

const PUSH = /^\/_simulator\/repos\/([A-Za-z0-9._-]+)\/push$/;

export async function handleTestHook(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const push = PUSH.exec(path);
  if (!push || req.method !== "POST") return sendJson(res, 404, { message: "Not Found" });
  let body: z.infer<typeof PushBody>;
  try {
    body = PushBody.parse(JSON.parse(await readBody(req)));
  } catch (error) {
    return sendJson(res, 422, { message: `Invalid push: ${(error as Error).message}` });
  }
  try {
    const repo = ctx.push(push[1]!, body);
    return sendJson(res, 200, { repo: repo.name, pushedAt: repo.config.pushedAt });
  } catch (error) {
    return sendJson(res, 404, { message: (error as Error).message });
  }
}
