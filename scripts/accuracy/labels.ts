// Labels of an accuracy case: comment lines at the top of the case file.
//   # expect: template-injection cache-poisoning   checks that must report a finding in this file
//   # clean: template-injection                    checks that must report nothing in this file
// A check named on neither line is not judged on that case.

export interface CaseLabels {
  expect: string[];
  clean: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the labels of one case; throws naming the file and line when a label is malformed. */
export function parseLabels(file: string, text: string): CaseLabels {
  const labels: CaseLabels = { expect: [], clean: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^#\s*(expect|clean)\s*:(.*)$/.exec(lines[i]?.trim() ?? "");
    if (!m) continue;
    const kind = m[1] as "expect" | "clean";
    const ids = (m[2] ?? "").split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) throw new Error(`${file}:${i + 1}: \`${kind}:\` names no check`);
    for (const id of ids) {
      if (!ID.test(id)) throw new Error(`${file}:${i + 1}: "${id}" is not a check id`);
      labels[kind].push(id);
    }
  }
  const both = labels.expect.filter((id) => labels.clean.includes(id));
  if (both.length > 0) throw new Error(`${file}: ${both.join(", ")} both expected and clean`);
  if (labels.expect.length + labels.clean.length === 0)
    throw new Error(`${file}: no \`# expect:\` or \`# clean:\` label`);
  return labels;
}
