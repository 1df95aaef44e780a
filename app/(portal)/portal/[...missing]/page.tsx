import { notFound } from "next/navigation";
import { requirePortalUser } from "@/lib/auth/guards";

/** Any other address under /portal: the portal's own 404, inside its frame and under its brand. */
export default async function PortalMissingPage() {
  await requirePortalUser();
  notFound();
}
