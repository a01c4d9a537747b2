"use client";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6">
      <h2 className="font-semibold text-rose-800">This page could not be loaded</h2>
      <p className="mt-1 text-sm text-rose-700">Something went wrong on our side. Your data is unchanged.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-rose-700 ring-1 ring-rose-200 hover:bg-rose-100">
        Try again
      </button>
    </div>
  );
}
