import { generateKeyPairSync } from "node:crypto";
import { PassThrough } from "node:stream";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { dsse } from "@sigstore/core";
import { createHash, verify as edVerify, createPublicKey } from "node:crypto";
import { writePack, type Spool } from "./pack";
import { PDF_REPO_DETAIL_LIMIT, buildReportPdf } from "./pdf/report";
import { summariseFramework } from "./control-view";
import { getFramework } from "./frameworks";
import { ed25519Signer, verifyEnvelope, signEnvelope } from "./sign/dsse";
import { IN_TOTO_PAYLOAD_TYPE, STATEMENT_TYPE, buildStatement, statementSchema } from "./sign/statement";
import { packInputOf, type EvidenceRepo, type PackInput } from "./input";
import { repo, sampleInput } from "./test-helpers";

const signer = ed25519Signer(generateKeyPairSync("ed25519").privateKey);

describe("DSSE envelope with an in-toto Statement v1", () => {
  const statement = buildStatement([{ path: "manifest.json", sha256: "a".repeat(64) }], {
    framework: "soc2",
    asOf: "2026-12-01T00:00:00.000Z",
    generatedAt: "2026-12-05T00:00:00.000Z",
    instance: "test",
  });
  const payload = Buffer.from(JSON.stringify(statement));
  const env = signEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, signer);

  it("signs PAE(type, payload) per the DSSE v1 spec, with the key id of the SPKI", () => {
    expect(env.payloadType).toBe("application/vnd.in-toto+json");
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${IN_TOTO_PAYLOAD_TYPE.length} ${IN_TOTO_PAYLOAD_TYPE} ${payload.length} `),
      payload,
    ]);
    expect(dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload).equals(pae)).toBe(true);
    const key = createPublicKey(signer.publicKeyPem);
    expect(edVerify(null, pae, key, Buffer.from(env.signatures[0]!.sig, "base64"))).toBe(true);
    const spki = key.export({ type: "spki", format: "der" });
    expect(env.signatures[0]!.keyid).toBe(createHash("sha256").update(spki).digest("hex"));
    const decoded = statementSchema.parse(JSON.parse(Buffer.from(env.payload, "base64").toString()));
    expect(decoded._type).toBe(STATEMENT_TYPE);
    expect(decoded.subject[0]).toEqual({ name: "manifest.json", digest: { sha256: "a".repeat(64) } });
  });

  it("verifies only with the signing key, the right type and an untouched payload", () => {
    expect(verifyEnvelope(env, signer.publicKeyPem, IN_TOTO_PAYLOAD_TYPE).ok).toBe(true);
    const other = ed25519Signer(generateKeyPairSync("ed25519").privateKey);
    expect(verifyEnvelope(env, other.publicKeyPem, IN_TOTO_PAYLOAD_TYPE).ok).toBe(false);
    expect(verifyEnvelope(env, signer.publicKeyPem, "application/json").ok).toBe(false);
    const tampered = {
      ...env,
      payload: Buffer.from(JSON.stringify({ ...statement, subject: [] })).toString("base64"),
    };
    expect(verifyEnvelope(tampered, signer.publicKeyPem, IN_TOTO_PAYLOAD_TYPE).ok).toBe(false);
    expect(
      verifyEnvelope(
        { ...env, payload: `${env.payload.slice(0, -1)}<` },
        signer.publicKeyPem,
        IN_TOTO_PAYLOAD_TYPE,
      ).ok,
    ).toBe(false);
  });
});

describe("report.pdf", () => {
  it("shows the summary figures per control as extractable text", async () => {
    const input = sampleInput();
    const fw = getFramework("soc2");
    const summaries = summariseFramework(fw, input.repos);
    const pdf = await buildReportPdf(packInputOf(input), fw, summaries);
    const { text: raw } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const text = raw.replace(/\s+/g, " "); // table cells wrap onto several lines
    const cc81 = summaries.find((s) => s.id === "CC8.1")!;
    // acme/api fails required-reviews (CC8.1); acme/web passes it.
    expect(cc81.counts).toMatchObject({ fail: 1, unknown: 0, pass: 1, exception: 0 });
    // CC6.1 reads org-2fa, unknown for both; CC6.8 holds unpinned-action's exception.
    expect(summaries.find((s) => s.id === "CC6.8")!.counts).toMatchObject({ exception: 2 });
    expect(text).toContain("Summary per control");
    expect(text).toContain("CC8.1 Authorising, testing, approving and implementing changes 1 1 0 0 FAIL");
    expect(text).toContain("Scope: all repositories (2 repositories)");
    expect(text).toContain(
      "exc-1: unpinned-action on acme/* - approved by lead@example.com, expires 2027-01-31",
    );
    expect(text).toContain(
      "CC6.8 Preventing or detecting unauthorised or malicious software 0 0 0 2 EXCEPTION",
    );
    expect(text).toContain("Controls: 10 assessed, 2 satisfied, 1 failing, 1 unknown.");
    expect(text).toContain("FAIL CC8.1: required-reviews");
    expect(text).toContain("Method");
  });
});

describe("report.pdf of a large estate", () => {
  it("details the first repositories up to the limit and points at the tables for the rest", async () => {
    const n = PDF_REPO_DETAIL_LIMIT + 2;
    const repos = Array.from({ length: n }, (_, i) => repo(`acme/r${String(i).padStart(4, "0")}`));
    const input = sampleInput({ repos });
    const fw = getFramework("soc2");
    const pdf = await buildReportPdf(packInputOf(input), fw, summariseFramework(fw, repos));
    const { text: raw } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const text = raw.replace(/\s+/g, " ");
    expect(text).toContain(`(${n} repositories)`);
    expect(text).toContain(`acme/r${String(PDF_REPO_DETAIL_LIMIT - 1).padStart(4, "0")}`);
    expect(text).not.toContain(`acme/r${String(PDF_REPO_DETAIL_LIMIT).padStart(4, "0")}`);
    expect(text).toContain(
      `The first ${PDF_REPO_DETAIL_LIMIT} of ${n} repositories are listed; every repository's results are in findings.csv and findings.json.`,
    );
  }, 120_000);
});

describe("writePack", () => {
  it("streams a zip and reports progress up to done, listing every file with its hash", async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c));
    const steps: string[] = [];
    const many = Array.from({ length: 50 }, (_, i) => repo(`acme/r${i}`));
    const manifest = await writePack(packInputOf(sampleInput({ repos: many })), signer, sink, (p) =>
      steps.push(p.step),
    );
    expect(steps.at(-1)).toBe("done");
    expect(manifest.files.map((f) => f.path)).toEqual([
      "controls.json",
      "findings.json",
      "findings.csv",
      "scores.json",
      "scores.csv",
      "exceptions.json",
      "threat-models/acme_api.md",
      "audit-log.json",
      "mapping.json",
      "public-key.pem",
      "oscal/assessment-results.json",
      "report.pdf",
    ]);
    const zip = Buffer.concat(chunks);
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(manifest.signingKeyId).toBe(signer.keyId);
  });
});

describe("writePack's memory", () => {
  it("reads the repositories only through pages, in full only for the findings files", async () => {
    // A source that counts its walks and hands out pages of 10: the builder has no other way
    // to reach the repositories, so it never needs more than one page at a time.
    const all = Array.from({ length: 45 }, (_, i) => repo(`acme/r${String(i).padStart(2, "0")}`));
    const pageSizes: number[] = [];
    const walks = { full: 0, statuses: 0 };
    async function* walk(kind: keyof typeof walks) {
      walks[kind]++;
      for (let i = 0; i < all.length; i += 10) {
        const page: readonly EvidenceRepo[] = all.slice(i, i + 10);
        pageSizes.push(page.length);
        yield page;
      }
    }
    const input: PackInput = {
      ...packInputOf(sampleInput()),
      repos: { count: all.length, pages: () => walk("full"), statusPages: () => walk("statuses") },
    };
    const sink = new PassThrough();
    sink.resume();
    const manifest = await writePack(input, signer, sink);
    // In full: findings.json, findings.csv. Statuses: summary counts, scores.json,
    // scores.csv, report.pdf.
    expect(walks).toEqual({ full: 2, statuses: 4 });
    expect(Math.max(...pageSizes)).toBe(10);
    expect(pageSizes.length).toBe(6 * 5);
    expect(manifest.files.find((f) => f.path === "scores.csv")!.size).toBeGreaterThan(45 * 50);
  });

  it("given a spool, reads the results once for both findings files, with the same bytes", async () => {
    const all = Array.from({ length: 45 }, (_, i) => repo(`acme/r${String(i).padStart(2, "0")}`));
    let fullWalks = 0;
    async function* full() {
      fullWalks++;
      for (let i = 0; i < all.length; i += 10) yield all.slice(i, i + 10);
    }
    const input: PackInput = {
      ...packInputOf(sampleInput()),
      repos: { ...packInputOf({ ...sampleInput(), repos: all }).repos, pages: full },
    };
    const write = async (openSpool?: () => Promise<Spool>) => {
      const sink = new PassThrough();
      sink.resume();
      return (await writePack(input, signer, sink, undefined, openSpool)).files;
    };
    const twoWalks = await write();
    expect(fullWalks).toBe(2);
    // An in-memory stand-in for the server's temporary file.
    const held: string[] = [];
    let disposed = 0;
    const spool: Spool = {
      write: async (text) => void held.push(text),
      async *read() {
        for (const text of held) yield Buffer.from(text);
      },
      dispose: async () => void disposed++,
    };
    fullWalks = 0;
    expect(await write(async () => spool)).toEqual(twoWalks);
    expect(fullWalks).toBe(1);
    expect(disposed).toBe(1);
    expect(held.join("").split("\r\n").length).toBeGreaterThan(45);
  });

  it("frees the spool when the pack fails", async () => {
    let disposed = 0;
    const spool: Spool = {
      write: async () => {},
      async *read() {},
      dispose: async () => void disposed++,
    };
    const input: PackInput = { ...packInputOf(sampleInput()) };
    input.repos = {
      ...input.repos,
      async *pages() {
        yield* [];
        throw new Error("read failed");
      },
    };
    const sink = new PassThrough();
    sink.resume();
    await expect(writePack(input, signer, sink, undefined, async () => spool)).rejects.toThrow("read failed");
    expect(disposed).toBe(1);
  });
});
