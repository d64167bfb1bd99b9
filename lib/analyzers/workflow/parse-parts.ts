// Workflow parts that appear at more than one level: triggers, permissions, containers.
import { isMap, isScalar, isSeq } from "yaml";
import type { ContainerRef, PermissionLevel, Permissions, Pos, Trigger } from "./model";
import type { Source, YNode } from "./yaml-walk";

/** `on:` in its three YAML forms: `push`, `[push, pull_request]`, `{ push: { branches: [main] } }`. */
export function parseTriggers(src: Source, node: YNode | null, fallback: Pos): Trigger[] {
  if (node === null) return [];
  if (isScalar(node))
    return [{ event: String(node.value), pos: src.pos(node, fallback), config: Object.create(null) }];
  if (isSeq(node)) {
    return src
      .items(node)
      .filter(isScalar)
      .map((n) => ({ event: String(n.value), pos: src.pos(n, fallback), config: Object.create(null) }));
  }
  return src.entries(node).map((e) => {
    const plain = src.plain(e.value);
    const config =
      plain !== null && typeof plain === "object" && !Array.isArray(plain)
        ? (plain as Record<string, unknown>)
        : Object.create(null);
    return { event: e.key, pos: e.keyPos, config };
  });
}

const LEVELS = new Set<string>(["read", "write", "none"]);

export function parsePermissions(src: Source, node: YNode | null): Permissions | undefined {
  if (node === null) return undefined;
  const pos = src.pos(node);
  if (isScalar(node)) {
    const v = node.value === null || node.value === undefined ? "" : String(node.value).trim();
    // `permissions:` with no value is an empty map (every scope none), not a grant.
    if (v === "") return { kind: "scopes", scopes: Object.create(null), pos };
    if (v === "read-all") return { kind: "all", level: "read-all", pos };
    // GitHub accepts only read-all / write-all here; anything else is treated as the broader grant.
    return { kind: "all", level: "write-all", pos };
  }
  const scopes: Record<string, PermissionLevel> = Object.create(null);
  for (const e of src.entries(node)) {
    const v = src.str(e.value) ?? "";
    scopes[e.key] = (LEVELS.has(v) ? v : "write") as PermissionLevel;
  }
  return { kind: "scopes", scopes, pos };
}

export function parseContainer(src: Source, node: YNode | null): ContainerRef | undefined {
  if (node === null) return undefined;
  if (!isMap(node)) {
    const image = src.scalar(node);
    return image ? { image } : undefined;
  }
  const image = src.scalar(src.get(node, "image")) ?? { value: "", pos: src.pos(node), expressions: [] };
  const ref: ContainerRef = { image };
  const options = src.scalar(src.get(node, "options"));
  if (options) ref.options = options;
  const password = src.scalar(src.get(src.get(node, "credentials"), "password"));
  if (password) ref.credentialsPassword = password;
  const volumes = src.get(node, "volumes");
  if (volumes)
    ref.volumes = src
      .items(volumes)
      .map((v) => src.scalar(v))
      .filter((v) => v !== undefined);
  return ref;
}

export function parseServices(src: Source, node: YNode | null): Record<string, ContainerRef> {
  const out: Record<string, ContainerRef> = Object.create(null);
  for (const e of src.entries(node)) {
    const c = parseContainer(src, e.value);
    if (c) out[e.key] = c;
  }
  return out;
}

/** `defaults.run.shell` */
export function defaultShell(src: Source, node: YNode | null): string | undefined {
  return src.str(src.get(src.get(node, "run"), "shell"));
}
