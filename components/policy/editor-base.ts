// Which policy document the editor edits, and so which version it may replace.
//
// The data-loss bug this prevents: a lead added an exception (a new version, N+1), then,
// without reloading, pressed "Save as new version". The editor still held version N's
// JSON while its hidden expected version had already moved to N+1 with the page's
// props, so the conflict check passed and N's document silently dropped the exception.
// The expected version now always belongs to the document in the editor: an untouched
// editor adopts the new version's JSON together with its number; an edited draft keeps
// its own base version, so saving it is refused as a conflict instead of undoing work.

export interface EditorBase {
  json: string;
  version: number;
}

export function nextEditorBase(current: EditorBase, incoming: EditorBase, dirty: boolean): EditorBase {
  if (incoming.version === current.version && incoming.json === current.json) return current;
  return dirty ? current : incoming;
}

/** True when the page shows a newer version than the draft was based on. */
export function isStale(base: EditorBase, incoming: EditorBase): boolean {
  return incoming.version !== base.version;
}
