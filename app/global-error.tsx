"use client";

import "./globals.css";

/** Last resort when the root layout itself fails; it must render its own <html>. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center">
          <h1 className="text-2xl font-semibold">Mailpak is having trouble</h1>
          <p className="mt-2 text-sm text-muted">
            Please try again in a moment. Nothing you saved has been lost.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-fg"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
