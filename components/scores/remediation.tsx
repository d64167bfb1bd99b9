import { inlineCode, splitRemediation } from "./remediation-parts";

export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineCode(text).map((piece, i) =>
        piece.code ? (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] break-all">
            {piece.text}
          </code>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/** The exact change that fixes a finding; pasteable parts in a code block. */
export function Remediation({ text }: { text: string }) {
  return (
    <div className="space-y-2">
      {splitRemediation(text).map((part, i) =>
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
