// Parses an OCI image reference the way docker does: [registry/]path[:tag][@digest].
// Shared by Dockerfile FROM and workflow container/service/docker:// images.

export interface ImageRef {
  /** The reference as written (after ARG substitution). */
  raw: string;
  /** registry/path without tag or digest. */
  name: string;
  tag?: string;
  /** Full digest, e.g. "sha256:…", when present and well-formed. */
  digest?: string;
  /** A digest-like suffix that is not a valid sha256 digest. */
  malformedDigest?: string;
}

const SHA256 = /^sha256:[a-f0-9]{64}$/;

export function parseImageRef(input: string): ImageRef {
  const raw = input.trim();
  let rest = raw;
  let digest: string | undefined;
  let malformedDigest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    const d = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (SHA256.test(d)) digest = d;
    else malformedDigest = d;
  }
  // A colon after the last slash is a tag; before it, a registry port.
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const ref: ImageRef = { raw, name: rest };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  if (malformedDigest !== undefined) ref.malformedDigest = malformedDigest;
  return ref;
}

/** True for references that still contain unexpanded variables or expressions. */
export function hasUnresolvedVariable(value: string): boolean {
  return /\$\{\{|\$\{?[A-Za-z_]/.test(value);
}
