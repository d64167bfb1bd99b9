// Who may do what (pure). Roles per DESIGN.md: engineers never change policy, approve
// their own exceptions or export evidence; auditors read everything and edit nothing;
// admins manage users and connections but can never read stored credentials back
// (there is no permission for that at all).
export const ROLES = ["admin", "security_lead", "engineer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "dashboard:read",
  "audit:read",
  "users:manage",
  "settings:manage",
  "apikeys:manage",
  "sync:read",
  "sync:start",
  "policy:edit",
  "exception:approve",
  "threatmodel:edit",
  "task:edit",
  "evidence:export",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "dashboard:read",
    "audit:read",
    "users:manage",
    "settings:manage",
    "apikeys:manage",
    "sync:read",
    "sync:start",
  ],
  security_lead: [
    "dashboard:read",
    "audit:read",
    "sync:read",
    "sync:start",
    "policy:edit",
    "exception:approve",
    "threatmodel:edit",
    "task:edit",
    "evidence:export",
  ],
  engineer: ["dashboard:read", "sync:read", "threatmodel:edit", "task:edit"],
  auditor: ["dashboard:read", "audit:read", "sync:read", "evidence:export"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  security_lead: "Security lead",
  engineer: "Engineer",
  auditor: "Auditor",
};
