import type { SimContext } from "../../context";
import type { PackageConfig } from "../../fixture/schema-repo";
import { stableId, type RepoFixture } from "../../fixture/types";
import { orgRoute, repoRoute } from "../access";
import { minimalRepo } from "../json-repo";
import { errorBody, list, notFound, ok, type RouteTable } from "../types";
import { userJsonFor } from "./people";

// Releases, organisation packages (GHCR images and their versions) and attestations.

function packagesOf(ctx: SimContext): Array<{ repo: RepoFixture; pkg: PackageConfig }> {
  return ctx.fixture.repos.flatMap((repo) => repo.config.packages.map((pkg) => ({ repo, pkg })));
}

function packageJson(ctx: SimContext, repo: RepoFixture, p: PackageConfig) {
  const id = p.id ?? stableId(`pkg:${p.packageType}:${p.name}`);
  return {
    id,
    name: p.name,
    package_type: p.packageType,
    visibility: p.visibility,
    url: `${ctx.baseUrl}/orgs/${ctx.org.login}/packages/${p.packageType}/${encodeURIComponent(p.name)}`,
    html_url: `${ctx.baseUrl}/orgs/${ctx.org.login}/packages/${p.packageType}/package/${encodeURIComponent(p.name)}`,
    version_count: p.versions.length,
    created_at: p.createdAt,
    updated_at: p.versions[0]?.createdAt ?? p.createdAt,
    repository: minimalRepo(ctx, repo),
  };
}

export const releaseRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/releases": repoRoute(({ ctx }, repo) => {
    const api = `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}`;
    return list(
      repo.config.releases.map((r) => {
        const id = r.id ?? stableId(`release:${repo.id}:${r.tagName}`);
        return {
          url: `${api}/releases/${id}`,
          html_url: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/releases/tag/${r.tagName}`,
          assets_url: `${api}/releases/${id}/assets`,
          upload_url: `${api}/releases/${id}/assets{?name,label}`,
          tarball_url: `${api}/tarball/${r.tagName}`,
          zipball_url: `${api}/zipball/${r.tagName}`,
          id,
          node_id: `RE_${Buffer.from(String(id)).toString("base64url")}`,
          tag_name: r.tagName,
          target_commitish: repo.config.defaultBranch,
          name: r.name ?? r.tagName,
          body: null,
          draft: r.draft,
          prerelease: r.prerelease,
          immutable: false,
          created_at: r.createdAt,
          published_at: r.draft ? null : (r.publishedAt ?? r.createdAt),
          author: userJsonFor(ctx, r.author ?? ctx.org.members[0]?.login ?? "ghost"),
          assets: r.assets.map((a, i) => ({
            url: `${api}/releases/assets/${id * 10 + i}`,
            browser_download_url: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/releases/download/${r.tagName}/${a.name}`,
            id: id * 10 + i,
            node_id: `RA_${id}_${i}`,
            name: a.name,
            label: null,
            state: "uploaded",
            content_type: a.contentType,
            size: a.size,
            digest: null,
            download_count: 0,
            created_at: r.createdAt,
            updated_at: r.createdAt,
            uploader: null,
          })),
        };
      }),
    );
  }),
  "GET /orgs/{org}/packages": orgRoute(({ ctx, query }) => {
    const type = query.get("package_type");
    if (!type) return errorBody(400, "package_type is required");
    return list(
      packagesOf(ctx)
        .filter(
          ({ pkg }) =>
            pkg.packageType === type &&
            (!query.get("visibility") || pkg.visibility === query.get("visibility")),
        )
        .map(({ repo, pkg }) => packageJson(ctx, repo, pkg)),
    );
  }),
  "GET /orgs/{org}/packages/{package_type}/{package_name}": orgRoute(({ ctx, params }) => {
    const hit = packagesOf(ctx).find(
      ({ pkg }) => pkg.packageType === params.package_type && pkg.name === params.package_name,
    );
    return hit ? ok(packageJson(ctx, hit.repo, hit.pkg)) : notFound();
  }),
  "GET /orgs/{org}/packages/{package_type}/{package_name}/versions": orgRoute(({ ctx, params }) => {
    const hit = packagesOf(ctx).find(
      ({ pkg }) => pkg.packageType === params.package_type && pkg.name === params.package_name,
    );
    if (!hit) return notFound();
    const base = `${ctx.baseUrl}/orgs/${ctx.org.login}/packages/${hit.pkg.packageType}/${encodeURIComponent(hit.pkg.name)}`;
    return list(
      hit.pkg.versions.map((v) => {
        const id = v.id ?? stableId(`pkgv:${hit.pkg.name}:${v.name}`);
        return {
          id,
          name: v.name,
          url: `${base}/versions/${id}`,
          package_html_url: `${base}`,
          html_url: `${base}/${id}`,
          created_at: v.createdAt,
          updated_at: v.createdAt,
          metadata: { package_type: hit.pkg.packageType, container: { tags: v.tags } },
        };
      }),
    );
  }),
  "GET /repos/{owner}/{repo}/attestations/{subject_digest}": repoRoute(({ ctx, params }, repo) => {
    const found = repo.config.attestations.filter((a) => a.digest === params.subject_digest);
    if (found.length === 0)
      return notFound("https://docs.github.com/rest/repos/attestations#list-attestations");
    return ok({
      attestations: found.map((a) => {
        const statement = {
          _type: "https://in-toto.io/Statement/v1",
          subject: [{ name: repo.name, digest: { sha256: a.digest.slice(7) } }],
          predicateType: a.predicateType,
          predicate: {},
        };
        return {
          bundle: {
            mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
            verificationMaterial: {},
            dsseEnvelope: {
              payload: Buffer.from(JSON.stringify(statement)).toString("base64"),
              payloadType: "application/vnd.in-toto+json",
              signatures: [{ sig: "c2ltdWxhdGVk" }],
            },
          },
          repository_id: repo.id,
          bundle_url: `${ctx.baseUrl}/attestations/${a.digest}.bundle`,
        };
      }),
    });
  }),
};
