import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { OrgFixture } from "../fixture/types";

/** Writes a fixture (e.g. a generated one) in the on-disk format `loadOrgFixture` reads. */
export async function writeOrgFixture(fx: OrgFixture, dir: string): Promise<void> {
  await mkdir(path.join(dir, "repos"), { recursive: true });
  await writeFile(path.join(dir, "org.yaml"), stringify(fx.org));
  for (const repo of fx.repos) {
    const root = path.join(dir, "repos", repo.name);
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, "repo.yaml"), stringify({ ...repo.config, id: repo.id }));
    for (const [p, text] of Object.entries(repo.files)) {
      await mkdir(path.dirname(path.join(root, "files", p)), { recursive: true });
      await writeFile(path.join(root, "files", p), text);
    }
  }
}
