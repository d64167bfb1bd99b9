import { inlineCode, splitRemediation } from "./remediation-parts";

/** Prose with `backticked` spans as inline code; the prose stays bare text (no element each). */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineCode(text).map((piece, i) =>
        piece.code ? (
          <code key={i} className="code-inline">
            {piece.text}
          </code>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}

/** The exact change that fixes a finding; pasteable parts in a code block. */
export function Remediation({ text }: { text: string }) {
  const parts = splitRemediation(text);
  // Most fixes are one sentence: a paragraph alone, without the spacing wrapper.
  if (parts.length === 1 && parts[0]!.kind === "text")
    return (
      <p>
        <InlineText text={parts[0]!.text} />
      </p>
    );
  return (
    <div className="space-y-2">
      {parts.map((part, i) =>
        part.kind === "code" ? (
          <pre
            key={i}
            // Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it.
            tabIndex={0}
            className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
          >
            <code>{part.text}</code>
          </pre>
        ) : (
          <p key={i}>
            <InlineText text={part.text} />
          </p>
        ),
      )}
    </div>
  );
}
