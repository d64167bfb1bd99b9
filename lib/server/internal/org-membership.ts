import "server-only";
import { getDb } from "../../db";
import type { Env } from "../../env";
import { classifyGitHubError } from "../../github/errors";
import { createGitHubClient } from "../../github/client";
import { loadConnection } from "../../sync/connection";
import { logger } from "../../logger";

// Who may use Gatehouse at all [ASVS 8.2.1]: members of a synced organisation (asked of
// GitHub through that organisation's own connection, and re-read at every sync), or a
// login on an explicit allowlist. Completing GitHub's OAuth dance proves only identity.

export interface AccessPolicy {
  /** GATEHOUSE_ADMINS: always admitted, so a fresh instance can be connected at all. */
  admins: string[];
  /** GATEHOUSE_ALLOWED_LOGINS: admitted without membership. */
  allowedLogins: string[];
  /** GATEHOUSE_ALLOWED_ORGS: when set, only membership of these synced organisations counts. */
  allowedOrgs: string[];
}

export function accessPolicyFromEnv(env: Env): AccessPolicy {
  return {
    admins: env.GATEHOUSE_ADMINS,
    allowedLogins: env.GATEHOUSE_ALLOWED_LOGINS,
    allowedOrgs: env.GATEHOUSE_ALLOWED_ORGS,
  };
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());

export function isAllowlisted(policy: AccessPolicy, login: string): boolean {
  const l = login.toLowerCase();
  return lower(policy.admins).includes(l) || lower(policy.allowedLogins).includes(l);
}

/** Whether membership of this organisation (by login) admits a user: GATEHOUSE_ALLOWED_ORGS, when set, narrows it. */
export function admitsOrganization(policy: AccessPolicy, orgLogin: string): boolean {
  return policy.allowedOrgs.length === 0 || lower(policy.allowedOrgs).includes(orgLogin.toLowerCase());
}

function orgFilter(policy: AccessPolicy) {
  return policy.allowedOrgs.length ? { login: { in: policy.allowedOrgs, mode: "insensitive" as const } } : {};
}

/** The synced organisations whose member list (as last read) holds `login`. */
export async function knownMemberships(policy: AccessPolicy, login: string): Promise<string[]> {
  const rows = await getDb().orgMember.findMany({
    where: { login: login.toLowerCase(), organization: orgFilter(policy) },
    select: { organizationId: true },
  });
  return rows.map((r) => r.organizationId);
}

type Answer = "member" | "not_member" | "unknown";

async function askGitHub(key: Buffer, organizationId: string, org: string, login: string): Promise<Answer> {
  const conn = await loadConnection(getDb(), key, organizationId);
  if (!conn) return "unknown";
  try {
    const client = await createGitHubClient({
      credentials: conn.credentials,
      baseUrl: conn.baseUrl,
      retries: 1,
      timeoutMs: 10_000,
    });
    const res = await client.octokit.request("GET /orgs/{org}/members/{username}", { org, username: login });
    return (res.status as number) === 204 ? "member" : "not_member";
  } catch (error) {
    if (classifyGitHubError(error) === "not_found") return "not_member";
    logger.warn({ org, err: (error as Error).message }, "membership check failed; using the synced list");
    return "unknown";
  }
}

/**
 * Asks GitHub, through each synced organisation's connection, whether `login` is a member,
 * and records the answers (so the sync-time re-check and this one agree). When GitHub cannot
 * answer for an organisation, the member list from its latest sync decides.
 */
export async function checkMembershipLive(
  policy: AccessPolicy,
  login: string,
  key: Buffer,
): Promise<string[]> {
  const db = getDb();
  const l = login.toLowerCase();
  const orgs = await db.organization.findMany({
    where: { ...orgFilter(policy), githubConnection: { isNot: null } },
    select: { id: true, login: true },
  });
  const known = new Set(await knownMemberships(policy, login));
  const member: string[] = [];
  for (const org of orgs) {
    const answer = await askGitHub(key, org.id, org.login, login);
    if (answer === "member") {
      member.push(org.id);
      await db.orgMember.upsert({
        where: { organizationId_login: { organizationId: org.id, login: l } },
        create: { organizationId: org.id, login: l },
        update: { seenAt: new Date() },
      });
    } else if (answer === "not_member") {
      await db.orgMember.deleteMany({ where: { organizationId: org.id, login: l } });
    } else if (known.has(org.id)) member.push(org.id);
  }
  return member;
}
