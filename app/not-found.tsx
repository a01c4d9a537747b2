import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500">404 · Not found</p>
      <h1 className="text-2xl font-semibold">We could not find that page</h1>
      <Link href="/" className="text-brand-600 underline hover:text-brand-700">
        Back to the console
      </Link>
    </main>
  );
}
