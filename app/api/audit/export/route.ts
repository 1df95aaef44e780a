import { NextResponse, type NextRequest } from "next/server";
import { iterateAudit, recordAudit } from "@/lib/audit";
import { auditCsvChunks, auditCsvFilename } from "@/lib/audit-csv";
import { NotSignedInError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { can, isStaffRole } from "@/lib/auth/permissions";
import { csvDownload } from "@/lib/csv-download";
import { observeRoute } from "@/lib/metrics/observe";
import { parseAuditSearch, type AuditSearchParams } from "@/lib/validation/audit";

/**
 * The audit log as a CSV download, with the audit page's filters (`/api/audit/export?outcome=failed`).
 * A route, not an action: it is a read, and a download must be a plain GET. It checks the caller
 * itself, like an action would.
 */
export const GET = observeRoute("/api/audit/export", async (request: NextRequest): Promise<Response> => {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof NotSignedInError) return null;
    throw error;
  });
  if (!user) {
    return NextResponse.json(
      { error: "Your session has ended. Sign in again to download the audit log." },
      { status: 401, headers: NO_STORE },
    );
  }
  // For a customer the audit log does not exist, as on the page.
  if (!isStaffRole(user.role) || !can(user, "audit.view")) {
    return NextResponse.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
  }

  const raw: AuditSearchParams = {};
  for (const key of new Set(request.nextUrl.searchParams.keys()))
    raw[key] = request.nextUrl.searchParams.getAll(key);
  const { search, filter, errors } = parseAuditSearch(raw);
  if (Object.keys(errors).length) {
    return NextResponse.json(
      { error: "Some filters could not be read.", fieldErrors: errors },
      { status: 400, headers: NO_STORE },
    );
  }

  // Who took a copy of the log, and of what, is itself worth knowing.
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "audit.export",
    outcome: "ok",
    summary: `Downloaded the audit log as CSV${describe(search)}`,
    details: { filters: search },
  });

  return csvDownload(auditCsvChunks(iterateAudit(filter)), auditCsvFilename(), "audit");
});

const NO_STORE = { "Cache-Control": "no-store" };

function describe(search: Record<string, unknown>): string {
  const parts = Object.entries(search)
    .filter(([key, value]) => key !== "before" && key !== "entry" && value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
