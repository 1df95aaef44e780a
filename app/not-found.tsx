import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center"
    >
      {/* Neutral on purpose: customers of a white-labelled portal land here too. */}
      <title>Page not found</title>
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">
        The page you asked for does not exist, or you do not have access to it.
      </p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        Back to the start page
      </Link>
    </main>
  );
}
