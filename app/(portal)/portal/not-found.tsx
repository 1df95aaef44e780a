import Link from "next/link";
import { connection } from "next/server";
import { buttonClasses } from "@/components/ui/button";
import { getBranding } from "@/lib/branding/settings";

/** Inside the portal's frame: an unknown page, or a domain that is not this customer's. */
export default async function PortalNotFound() {
  // The brand is read per request, never at build time (where there is no database to ask).
  await connection();
  const { productName } = await getBranding();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-12 text-center">
      {/* A not-found page gets only the root layout's metadata; the tab still names the product. */}
      <title>{`Page not found · ${productName}`}</title>
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">
        The page you asked for does not exist, or it is not part of your account.
      </p>
      <Link href="/portal" className={buttonClasses("primary", "md", "mt-6")}>
        Back to your domains
      </Link>
    </div>
  );
}
