"use client";
import { GradeBadge } from "@/components/scores/grade-badge";
import { formatPercent, formatScore } from "@/components/scores/labels";
import { repoHref } from "@/components/scores/repo-href";

/** What one repository row shows, and nothing else: these props are the row's whole cost in the page payload. */
export interface RepoRow {
  fullName: string;
  /** "archived · critical · …", or empty. */
  tags: string;
  grade: string | null;
  /** overall, identity, secrets, supplyChain, integrity, changeControl (null: not judged). */
  scores: Array<number | null>;
  coverage: number;
  failingCritical: number;
}

/**
 * The repository table's rows, rendered from data. A client component on purpose: rows
 * written as server components travel twice (as HTML and as an element tree of the same
 * markup in the inline RSC payload); as props they travel as HTML plus this small data.
 */
export function RepoListRows({ rows }: { rows: RepoRow[] }) {
  return rows.map((r) => (
    <tr key={r.fullName} data-testid="repo-row">
      <th scope="row">
        <a href={repoHref(r.fullName)} className="underline">
          {r.fullName}
        </a>
        {r.tags ? <span className="ml-2 text-xs font-normal text-slate-600">{r.tags}</span> : null}
      </th>
      <td data-testid="overall">
        {formatScore(r.scores[0])} <GradeBadge grade={r.grade} />
      </td>
      {r.scores.slice(1).map((s, i) => (
        <td key={i}>{formatScore(s)}</td>
      ))}
      <td>{formatPercent(r.coverage)}</td>
      <td>{r.failingCritical}</td>
    </tr>
  ));
}
