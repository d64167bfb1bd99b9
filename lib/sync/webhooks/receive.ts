import { Webhooks } from "@octokit/webhooks";
import { loadConnection } from "../connection";
import type { SyncDb } from "../persist/db";
import type { StartSyncInput } from "../persist/runs";
import { planWebhook } from "./plan";

// POST /api/webhooks/github, minus the HTTP plumbing. Nothing is parsed for meaning or
// enqueued before x-hub-signature-256 verifies against a configured secret (the
// instance's GITHUB_WEBHOOK_SECRET or the organisation connection's own).

export interface WebhookDeps {
  db: SyncDb;
  /** Encryption key for connection secrets; null when none is configured. */
  key: Buffer | null;
  envSecret: string | null;
  enqueue(request: StartSyncInput): Promise<void>;
}

export interface WebhookDelivery {
  event: string | null;
  delivery: string | null;
  signature: string | null;
  body: string;
}

export interface WebhookAnswer {
  status: number;
  body: { ok: boolean; message: string };
}

/**
 * Bodies above this are refused while streaming, before they are read in full (GitHub
 * caps payloads at 25 MB; the events Gatehouse acts on are far smaller).
 */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/** Accepted delivery ids are remembered this long (GitHub redelivers within days). */
const DELIVERY_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** Records an accepted delivery id; false when it was seen before (a replay). */
async function firstDelivery(db: SyncDb, id: string, event: string): Promise<boolean> {
  await db.webhookDelivery.deleteMany({
    where: { receivedAt: { lt: new Date(Date.now() - DELIVERY_MEMORY_MS) } },
  });
  try {
    await db.webhookDelivery.create({ data: { id, event } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function verifies(secret: string, body: string, signature: string): Promise<boolean> {
  try {
    return await new Webhooks({ secret }).verify(body, signature);
  } catch {
    return false;
  }
}

function orgLoginHint(body: string): string | null {
  try {
    const p = JSON.parse(body) as {
      organization?: { login?: unknown };
      repository?: { owner?: { login?: unknown } };
    };
    const login = p.organization?.login ?? p.repository?.owner?.login;
    return typeof login === "string" ? login : null;
  } catch {
    return null;
  }
}

export async function receiveGitHubWebhook(deps: WebhookDeps, d: WebhookDelivery): Promise<WebhookAnswer> {
  if (!d.signature || !d.event)
    return { status: 401, body: { ok: false, message: "missing signature or event" } };
  // The login only chooses which secret to try; it is trusted after verification.
  const hint = orgLoginHint(d.body);
  const org = hint
    ? await deps.db.organization.findUnique({ where: { login: hint }, select: { id: true, login: true } })
    : null;
  const secrets: string[] = [];
  if (deps.envSecret) secrets.push(deps.envSecret);
  if (org && deps.key) {
    const conn = await loadConnection(deps.db, deps.key, org.id).catch(() => null);
    if (conn?.webhookSecret) secrets.push(conn.webhookSecret);
  }
  let valid = false;
  for (const s of secrets) if (!valid) valid = await verifies(s, d.body, d.signature);
  if (!valid) return { status: 401, body: { ok: false, message: "signature does not verify" } };
  let payload: unknown;
  try {
    payload = JSON.parse(d.body);
  } catch {
    return { status: 400, body: { ok: false, message: "body: not valid JSON" } };
  }
  if (!d.delivery)
    return { status: 400, body: { ok: false, message: "x-github-delivery: missing delivery id" } };
  if (!(await firstDelivery(deps.db, d.delivery, d.event)))
    return { status: 409, body: { ok: false, message: "x-github-delivery: delivery already received" } };

  const plan = planWebhook(d.event, payload);
  if (plan.action === "ignore")
    return { status: 202, body: { ok: true, message: `ignored: ${plan.reason}` } };
  if (!org || org.login !== plan.organizationLogin)
    return { status: 202, body: { ok: true, message: "ignored: organisation not synced here" } };
  try {
    await deps.enqueue({
      organizationId: org.id,
      kind: plan.kind,
      trigger: "webhook",
      targets: plan.targets,
    });
  } catch (error) {
    // Not queued: forget the id so GitHub's redelivery is accepted.
    await deps.db.webhookDelivery.deleteMany({ where: { id: d.delivery } });
    throw error;
  }
  return { status: 202, body: { ok: true, message: `queued ${plan.kind} resync: ${plan.reason}` } };
}
