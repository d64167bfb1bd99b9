// Which infrastructure-as-code kinds a repository holds, from paths (and k8s file analysis).

export interface IacPresence {
  terraform: string[];
  helm: string[];
  kubernetes: string[];
}

const IGNORED = /(^|\/)(node_modules|vendor|\.terraform|testdata|__fixtures__)\//;

export function iacPresence(paths: readonly string[], kubernetesFiles: readonly string[]): IacPresence {
  const out: IacPresence = { terraform: [], helm: [], kubernetes: [...kubernetesFiles] };
  for (const p of paths) {
    if (IGNORED.test(p)) continue;
    const base = p.slice(p.lastIndexOf("/") + 1);
    if (/\.tf(\.json)?$/.test(base)) out.terraform.push(p);
    else if (base === "Chart.yaml") out.helm.push(p);
    else if ((base === "kustomization.yaml" || base === "kustomization.yml") && !out.kubernetes.includes(p))
      out.kubernetes.push(p);
  }
  return out;
}

export function hasIac(p: IacPresence): boolean {
  return p.terraform.length + p.helm.length + p.kubernetes.length > 0;
}
