// A PackReader over a zip file on disk (yauzl): entries are read on demand and hashed as
// they stream, so verifying a large pack never loads it whole. It also reports each
// entry's container metadata and compares every local header with the central
// directory, which yauzl itself does not.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { EntryMeta, PackReader } from "../../lib/evidence/verify";

function open(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function stream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
  );
}

function localHeaderMismatch(fd: number, e: Entry): string | null {
  const name = e.fileNameRaw;
  const buf = Buffer.alloc(30 + name.length);
  readSync(fd, buf, 0, buf.length, e.relativeOffsetOfLocalHeader);
  if (buf.readUInt32LE(0) !== 0x04034b50) return "no local header signature";
  const fields: [string, number, number][] = [
    ["version", buf.readUInt16LE(4), e.versionNeededToExtract],
    ["flags", buf.readUInt16LE(6), e.generalPurposeBitFlag],
    ["method", buf.readUInt16LE(8), e.compressionMethod],
    ["time", buf.readUInt16LE(10), e.lastModFileTime],
    ["date", buf.readUInt16LE(12), e.lastModFileDate],
    ["extra length", buf.readUInt16LE(28), e.extraFieldLength],
  ];
  for (const [what, local, central] of fields) if (local !== central) return what;
  if (!buf.subarray(30).equals(name)) return "name";
  // Streamed entries (bit 3) carry CRC and sizes in a data descriptor after the data, and
  // zeros in the local header; both must agree with the directory.
  const sizes: [number, number, number] = [e.crc32, e.compressedSize, e.uncompressedSize];
  if (e.generalPurposeBitFlag & 8) {
    if (buf.readUInt32LE(14) || buf.readUInt32LE(18) || buf.readUInt32LE(22)) return "local sizes";
    const dd = Buffer.alloc(16);
    readSync(
      fd,
      dd,
      0,
      16,
      e.relativeOffsetOfLocalHeader + buf.length + e.extraFieldLength + e.compressedSize,
    );
    if (dd.readUInt32LE(0) !== 0x08074b50) return "no data descriptor";
    if (![4, 8, 12].every((o, i) => dd.readUInt32LE(o) >>> 0 === sizes[i]! >>> 0)) return "data descriptor";
  } else if (![14, 18, 22].every((o, i) => buf.readUInt32LE(o) >>> 0 === sizes[i]! >>> 0))
    return "local sizes";
  return null;
}

/**
 * Fields yauzl reads past: the end record's disk numbers, counts and directory size, and
 * each directory entry's disk number. A pack is one disk with one contiguous directory.
 */
function directoryMismatch(fd: number, fileSize: number, count: number): string | null {
  const tail = Buffer.alloc(22);
  readSync(fd, tail, 0, 22, fileSize - 22);
  if (tail.readUInt32LE(0) !== 0x06054b50) return "the end record is not at the end";
  const [disk, cdDisk, onDisk, total, cdSize, cdOffset] = [4, 6, 8, 10]
    .map((o) => tail.readUInt16LE(o))
    .concat([tail.readUInt32LE(12), tail.readUInt32LE(16)]) as number[];
  if (disk || cdDisk || onDisk !== count || total !== count) return "end record disk fields";
  if (cdOffset! + cdSize! !== fileSize - 22) return "directory size";
  const cd = Buffer.alloc(cdSize!);
  readSync(fd, cd, 0, cdSize!, cdOffset!);
  for (let p = 0, i = 0; i < count; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) return "directory entry signature";
    if (cd.readUInt16LE(p + 34) !== 0) return "directory entry disk number";
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return null;
}

export async function openZipPack(path: string): Promise<PackReader & { close(): void }> {
  const zip = await open(path);
  const entries = await listEntries(zip);
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  const fd = openSync(path, "r");
  const metas = new Map<string, EntryMeta>(
    entries.map((e) => [
      e.fileName,
      {
        modified: e.getLastModDate({ forceDosFormat: true, timezone: "UTC" }),
        externalAttributes: e.externalFileAttributes,
        internalAttributes: e.internalFileAttributes,
        versionMadeBy: e.versionMadeBy,
        comment: e.fileComment,
        hasExtraFields: e.extraFieldLength > 0,
        headerMismatch: localHeaderMismatch(fd, e),
      },
    ]),
  );
  const layout = directoryMismatch(fd, fstatSync(fd).size, entries.length);
  closeSync(fd);
  if (layout) {
    zip.close();
    throw new Error(`malformed archive: ${layout}`);
  }
  const entry = (name: string) => {
    const e = byName.get(name);
    if (!e) throw new Error(`no entry ${name}`);
    return e;
  };
  return {
    names: entries.map((e) => e.fileName),
    comment: zip.comment,
    meta: (name) => metas.get(name)!,
    async digest(name) {
      const e = entry(name);
      const hash = createHash("sha256");
      let size = 0;
      let crc = 0;
      for await (const chunk of await stream(zip, e)) {
        hash.update(chunk as Buffer);
        crc = crc32(chunk as Buffer, crc);
        size += (chunk as Buffer).length;
      }
      if (crc >>> 0 !== e.crc32 >>> 0) throw new Error("CRC-32 differs from the archive's directory");
      return { sha256: hash.digest("hex"), size };
    },
    async read(name, max) {
      const e = entry(name);
      if (e.uncompressedSize > max) throw new Error(`${name} is larger than ${max} bytes`);
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(zip, e)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
