import Link from "next/link";
import type { listPolicyVersions } from "@/lib/server/policy/list-policy-versions";
import { UtcTime } from "../ui/utc-time";

type Versions = Awaited<ReturnType<typeof listPolicyVersions>>;

/** Newest first; every version but the current one opens a comparison with it (`?compare=N`). */
export function PolicyHistory({ versions }: { versions: Versions }) {
  if (versions.length === 0)
    return <p className="text-sm text-slate-600">No saved versions: the built-in default policy applies.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm" data-testid="policy-history">
        <caption className="sr-only">Policy versions, newest first</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            {["Version", "Saved", "By", "Note", "Changes", "Compare"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} className="border-b border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {v.version}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">
                <UtcTime at={v.createdAt} />
              </td>
              <td className="px-3 py-2">{v.createdByLogin ?? "—"}</td>
              <td className="px-3 py-2">{v.note ?? ""}</td>
              <td className="px-3 py-2">
                <ul className="text-xs">
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {v.version === versions[0]!.version ? (
                  "Current"
                ) : (
                  <Link href={`/policy?compare=${v.version}#compare-title`} className="underline">
                    Compare v{v.version} with current
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
