"use client";
import "./globals.css";

/**
 * The last boundary: an error above every layout. In practice the console stopped answering in
 * the middle of a response (it was restarted, or the connection dropped while a server action
 * streamed its answer), and the router could not read the rest. What the console finished is in
 * its database; a reload shows it.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto mt-24 max-w-lg px-6">
          <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6">
            <h1 className="text-lg font-semibold text-rose-800">The console stopped answering</h1>
            <p className="mt-2 text-sm text-rose-700">
              {error.digest
                ? "Something went wrong on our side."
                : "The connection dropped while the console was answering; it may have restarted."}{" "}
              Whatever it finished is saved, and work it was in the middle of is carried on after a restart. Reload to see where things stand.
            </p>
            {error.digest ? <p className="mt-2 font-mono text-xs text-rose-700">Reference: {error.digest}</p> : null}
            <button
              type="button"
              onClick={() => window.location.reload()}
              className="mt-4 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-rose-700 ring-1 ring-rose-200 hover:bg-rose-100"
            >
              Reload
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
