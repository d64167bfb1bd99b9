// audit-log.json, streamed: the bytes of JSON.stringify(extract, null, 2) plus a newline
// (what the pack wrote when it held the whole extract), written a page of entries at a
// time. The entries are the file's last member, so everything before them is the head's
// own JSON with the closing lines cut off.
import type { AuditSource } from "./input";

/** An entry's lines sit two levels deep (inside the object, inside "entries"). */
const INDENT = "    ";
const EMPTY_ENTRIES = '  "entries": []\n}';

export async function* auditExtractJson(source: AuditSource): AsyncGenerator<string> {
  const whole = JSON.stringify({ ...source.head, entries: [] }, null, 2);
  if (!whole.endsWith(EMPTY_ENTRIES)) throw new Error("audit extract: entries must be its last member");
  yield whole.slice(0, -"[]\n}".length);
  let first = true;
  for await (const page of source.entries())
    for (const entry of page) {
      // JSON escapes newlines inside strings, so every newline here is between lines.
      yield `${first ? "[\n" : ",\n"}${INDENT}${JSON.stringify(entry, null, 2).replace(/\n/g, `\n${INDENT}`)}`;
      first = false;
    }
  yield first ? "[]\n}\n" : "\n  ]\n}\n";
}
