import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { openEvidenceSpool } from "./evidence-spool";

const spoolDirs = async () => (await readdir(tmpdir())).filter((d) => d.startsWith("gatehouse-spool-"));

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString("utf8");
}

describe("openEvidenceSpool", () => {
  it("gives back exactly what was written, in order, and removes its file", async () => {
    const before = new Set(await spoolDirs());
    const spool = await openEvidenceSpool();
    const mine = (await spoolDirs()).filter((d) => !before.has(d));
    expect(mine).toHaveLength(1);
    // Enough text to pass the deflate stream's buffer, so writes wait for drain.
    const pieces = Array.from({ length: 300 }, (_, i) => `row ${i},"é ✓",${"x".repeat(i * 37)}\r\n`);
    for (const p of pieces) await spool.write(p);
    expect(await readAll(spool.read())).toBe(pieces.join(""));
    await spool.dispose();
    expect(await spoolDirs()).not.toContain(mine[0]);
  });

  it("removes its file when disposed before being read (a failed export)", async () => {
    const before = new Set(await spoolDirs());
    const spool = await openEvidenceSpool();
    const mine = (await spoolDirs()).filter((d) => !before.has(d));
    expect(mine).toHaveLength(1);
    await spool.write("half a file");
    await spool.dispose();
    expect(await spoolDirs()).not.toContain(mine[0]);
  });
});
