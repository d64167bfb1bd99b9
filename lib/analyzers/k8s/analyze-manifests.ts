// Kubernetes manifests: workloads' pod and container security settings, and admission
// policies that verify images. One file may hold many YAML documents.
import type { Node } from "yaml";
import { loadYamlDocuments, YamlView, type YamlDocs } from "./yaml-nodes";
import { policyOf, type AdmissionPolicy } from "./admission";

export interface Flag<T> {
  value: T;
  line: number;
}

export interface K8sContainer {
  name: string;
  image?: string;
  line: number;
  kind: "containers" | "initContainers" | "ephemeralContainers";
  privileged?: Flag<boolean>;
  allowPrivilegeEscalation?: Flag<boolean>;
  runAsNonRoot?: Flag<boolean>;
  runAsUser?: Flag<number>;
}

export interface K8sWorkload {
  kind: string;
  name: string;
  line: number;
  podRunAsNonRoot?: Flag<boolean>;
  podRunAsUser?: Flag<number>;
  containers: K8sContainer[];
  dockerSocketMounts: Array<Flag<string>>;
}

export interface K8sFile {
  path: string;
  /** At least one document has apiVersion + kind. */
  isKubernetes: boolean;
  workloads: K8sWorkload[];
  policies: AdmissionPolicy[];
  errors: string[];
}

const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

const DOCKER_SOCKET = /(^|\/)(docker|containerd|crio)\.sock$|^\/var\/run\/docker(\.sock)?\/?$/;

function flag<T>(
  y: YamlView,
  docs: YamlDocs,
  node: Node | undefined,
  type: "boolean" | "number",
): Flag<T> | undefined {
  const v = y.scalar(node);
  if (typeof v !== type) return undefined;
  return { value: v as T, line: docs.lineOf(node) };
}

function workloadOf(
  y: YamlView,
  docs: YamlDocs,
  kind: string,
  name: string,
  root: Node | undefined,
): K8sWorkload | undefined {
  const specPath = POD_SPEC_PATH[kind];
  if (!specPath) return undefined;
  const spec = y.path(root, specPath);
  if (!spec) return undefined;
  const podSc = y.get(spec, "securityContext");
  const w: K8sWorkload = { kind, name, line: docs.lineOf(root), containers: [], dockerSocketMounts: [] };
  const prn = flag<boolean>(y, docs, y.get(podSc, "runAsNonRoot"), "boolean");
  if (prn) w.podRunAsNonRoot = prn;
  const pru = flag<number>(y, docs, y.get(podSc, "runAsUser"), "number");
  if (pru) w.podRunAsUser = pru;
  for (const ck of ["containers", "initContainers", "ephemeralContainers"] as const) {
    for (const c of y.items(y.get(spec, ck))) {
      const sc = y.get(c, "securityContext");
      const container: K8sContainer = {
        name: y.str(y.get(c, "name")) ?? "?",
        line: docs.lineOf(c),
        kind: ck,
      };
      const image = y.str(y.get(c, "image"));
      if (image !== undefined) container.image = image;
      const fields = {
        privileged: "boolean",
        allowPrivilegeEscalation: "boolean",
        runAsNonRoot: "boolean",
        runAsUser: "number",
      } as const;
      for (const [f, t] of Object.entries(fields) as Array<[keyof typeof fields, "boolean" | "number"]>) {
        const v = flag<never>(y, docs, y.get(sc, f), t);
        if (v) (container as unknown as Record<string, unknown>)[f] = v;
      }
      w.containers.push(container);
    }
  }
  for (const vol of y.items(y.get(spec, "volumes"))) {
    const hp = y.get(y.get(vol, "hostPath"), "path");
    const p = y.str(hp);
    if (p !== undefined && DOCKER_SOCKET.test(p))
      w.dockerSocketMounts.push({ value: p, line: docs.lineOf(hp) });
  }
  return w;
}

export function analyzeManifests(path: string, text: string): K8sFile {
  const out: K8sFile = { path, isKubernetes: false, workloads: [], policies: [], errors: [] };
  const loaded = loadYamlDocuments(text);
  if (!loaded.ok) {
    out.errors.push(loaded.reason);
    return out;
  }
  out.errors.push(...loaded.errors);
  for (const doc of loaded.value.docs) {
    const y = new YamlView(doc);
    const root = y.root();
    const apiVersion = y.str(y.get(root, "apiVersion"));
    const kind = y.str(y.get(root, "kind"));
    if (apiVersion === undefined || kind === undefined) continue;
    out.isKubernetes = true;
    const name = y.str(y.path(root, ["metadata", "name"])) ?? "";
    const w = workloadOf(y, loaded.value, kind, name, root);
    if (w) out.workloads.push(w);
    const p = policyOf(y, loaded.value, apiVersion, kind, name, root);
    if (p) out.policies.push(p);
  }
  return out;
}

/** Paths worth reading as Kubernetes YAML: .yaml/.yml outside CI and tool config directories. */
export function isManifestCandidate(path: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  if (path.startsWith(".github/")) return false;
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return ![
    "chart.yaml",
    "values.yaml",
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    ".pre-commit-config.yaml",
    "docker-compose.yml",
    "docker-compose.yaml",
    "mkdocs.yml",
    ".gitlab-ci.yml",
    "codecov.yml",
  ].includes(base);
}
