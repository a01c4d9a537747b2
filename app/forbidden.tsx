import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold tracking-wide text-rose-700">403 · Forbidden</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-slate-600">
        Your role does not include this section. Ask an admin if you think you should have access.
      </p>
      <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Back to the console
      </Link>
    </main>
  );
}
