import Link from "next/link";

// Inside the app shell: a missing repository, check or organisation keeps the navigation.
export default function DashboardNotFound() {
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-slate-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-slate-900 underline">
        Back to the overview
      </Link>
    </section>
  );
}
