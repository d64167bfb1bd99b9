import { notFound } from "next/navigation";

// "/repos/<owner>" names no repository: the same 404 as any missing repository, in the app shell.
export default function OwnerPage(): never {
  notFound();
}
