import type { ReactNode } from "react";

/**
 * Printable statements: outside the panel's and the portal's frames, so the page is only the
 * reseller's branded statement (no staff navigation, nothing that names the upstream provider).
 * Every page here checks its reader itself.
 */
export default function StatementPrintLayout({ children }: { children: ReactNode }) {
  return children;
}
