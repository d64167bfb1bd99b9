import { generateKeyPairSync } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { packEntryOptions, writePack } from "../../lib/evidence/pack";
import { ed25519Signer, signEnvelope } from "../../lib/evidence/sign/dsse";
import { IN_TOTO_PAYLOAD_TYPE } from "../../lib/evidence/sign/statement";
import { packInputOf } from "../../lib/evidence/input";
import { sampleInput } from "../../lib/evidence/test-helpers";
import { runVerify } from "./run-verify";
import { openZipPack } from "./zip-reader";

const dir = mkdtempSync(join(tmpdir(), "gatehouse-verify-"));
const key = generateKeyPairSync("ed25519").privateKey;
const signer = ed25519Signer(key);
const keyPath = join(dir, "public.pem");
let packPath = "";
let entries: [string, Buffer][] = [];

async function zipOf(list: [string, Buffer][], name: string): Promise<string> {
  const zip = new ZipFile();
  const path = join(dir, name);
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  for (const [n, b] of list) zip.addBuffer(b, n, packEntryOptions(sampleInput().generatedAt));
  zip.end();
  await finished(out);
  return path;
}

async function verify(path: string, withKey = true) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerify(withKey ? [path, "--key", keyPath] : [path], {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  });
  return { code, out: out.join(""), err: err.join("") };
}

beforeAll(async () => {
  writeFileSync(keyPath, signer.publicKeyPem);
  packPath = join(dir, "pack.zip");
  const out = createWriteStream(packPath);
  await writePack(packInputOf(sampleInput()), signer, out);
  const reader = await openZipPack(packPath);
  entries = [];
  for (const n of reader.names) entries.push([n, await reader.read(n, 1 << 26)]);
  reader.close();
});

function replaced(name: string, fn: (b: Buffer) => Buffer): [string, Buffer][] {
  return entries.map(([n, b]) => [n, n === name ? fn(b) : b]);
}

describe("gatehouse verify", () => {
  it("accepts an untouched pack, with the instance key and with the pack's own", async () => {
    const withKey = await verify(packPath);
    expect(withKey).toMatchObject({ code: 0, err: "" });
    expect(withKey.out).toMatch(/^OK .* 12 files, soc2 as of 2026-12-01/);
    expect((await verify(packPath, false)).out).toMatch(/the key inside the pack/);
  });

  it("accepts a faithful re-zip of the same entries with the same metadata", async () => {
    expect((await verify(await zipOf(entries, "rezip.zip"))).code).toBe(0);
  });

  it("fails when one byte of a file changes, naming the file", async () => {
    const path = await zipOf(
      replaced("findings.csv", (b) => {
        const c = Buffer.from(b);
        c[10] = c[10]! ^ 1;
        return c;
      }),
      "flip.zip",
    );
    const r = await verify(path);
    expect(r.code).toBe(1);
    expect(r.err).toContain("FAIL findings.csv: SHA-256 differs from the manifest");
  });

  it("fails when any byte of the zip file itself is flipped (headers, data, directory)", async () => {
    const raw = readFileSync(packPath);
    const positions = [4, 8, 10, 12, 14, 22, 30, 200];
    for (let at = 500; at < raw.length; at += Math.floor(raw.length / 25)) positions.push(at);
    for (let at = raw.length - 1; at > raw.length - 300; at -= 23) positions.push(at);
    for (const at of positions) {
      const c = Buffer.from(raw);
      c[at] = c[at]! ^ 0xff;
      const path = join(dir, `raw-${at}.zip`);
      writeFileSync(path, c);
      expect((await verify(path)).code, `byte ${at}`).toBe(1);
    }
  });

  it("fails when a file is added, removed or renamed", async () => {
    const added = await verify(await zipOf([["extra.txt", Buffer.from("hi")], ...entries], "add.zip"));
    expect(added.err).toContain("FAIL extra.txt: not listed in the manifest (added)");
    const removed = await verify(
      await zipOf(
        entries.filter(([n]) => n !== "scores.csv"),
        "remove.zip",
      ),
    );
    expect(removed.err).toContain("FAIL scores.csv: listed in the manifest but missing");
    const renamed = await verify(
      await zipOf(
        entries.map(([n, b]) => [n === "report.pdf" ? "report2.pdf" : n, b]),
        "rename.zip",
      ),
    );
    expect(renamed.code).toBe(1);
    expect(renamed.err).toContain("FAIL report2.pdf: not listed");
    expect(renamed.err).toContain("FAIL report.pdf: listed in the manifest but missing");
  });

  it("fails when entries are reordered", async () => {
    const swapped = [...entries];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    const r = await verify(await zipOf(swapped, "reorder.zip"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/out of order/);
  });

  it("fails when the manifest is edited and re-listed consistently but not re-signed", async () => {
    const path = await zipOf(
      replaced("manifest.json", (b) => Buffer.from(b.toString().replace('"soc2"', '"iso27001"'))),
      "manifest.zip",
    );
    expect((await verify(path)).err).toContain(
      "FAIL manifest.json: SHA-256 differs from the signed statement",
    );
  });

  it("fails when the signature is replaced by another key's, even one that signs the same statement", async () => {
    const other = ed25519Signer(generateKeyPairSync("ed25519").privateKey);
    const envelope = JSON.parse(entries.find(([n]) => n === "manifest.dsse.json")![1].toString());
    const forged = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(envelope.payload, "base64"), other);
    const path = await zipOf(
      replaced("manifest.dsse.json", () => Buffer.from(JSON.stringify(forged))),
      "forged.zip",
    );
    const r = await verify(path);
    expect(r.code).toBe(1);
    expect(r.err).toContain("FAIL manifest.dsse.json: signature does not verify");
    // Swapping the pack's public key too still fails against the pinned instance key …
    const both = await zipOf(
      entries.map(([n, b]): [string, Buffer] => [
        n,
        n === "manifest.dsse.json"
          ? Buffer.from(JSON.stringify(forged))
          : n === "public-key.pem"
            ? Buffer.from(other.publicKeyPem)
            : b,
      ]),
      "forged-both.zip",
    );
    expect((await verify(both)).code).toBe(1);
    // … and without it, because the manifest (signed by the real key) names the real key id.
    expect((await verify(both, false)).code).toBe(1);
  });

  it("fails when the OSCAL document is invalid, even when its hash is re-listed (names the document)", async () => {
    const r = await verify(
      await zipOf(
        replaced("oscal/assessment-results.json", () => Buffer.from("{}")),
        "oscal.zip",
      ),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("FAIL oscal/assessment-results.json");
  });

  it("refuses usage errors with exit 2", async () => {
    expect(await runVerify([], { stdout: { write: () => 0 }, stderr: { write: () => 0 } })).toBe(2);
  });
});
