"use server";

import { z } from "zod";
import { PREVIEW_GRANT_MINUTES } from "@/lib/portal/preview-grant";
import { startPortalPreview } from "@/lib/portal/preview";
import { customerIdSchema } from "@/lib/validation/customers";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

const startPortalPreviewSchema = z.object({ customerId: customerIdSchema });

/**
 * Starts a staff member's read-only look at a customer's portal: one audit row, and a grant that
 * lets the preview pages render for 30 minutes without writing anything themselves. Support may
 * start one: it changes nothing of the account. `startPortalPreview` checks the caller is staff
 * with customers.view (a customer's login is told the customer does not exist, and the refusal is
 * audited).
 */
export const startPortalPreviewAction = userAction(
  { name: "customer.preview", schema: startPortalPreviewSchema, supportMayRun: true },
  async ({ customerId }, { user, audit }): Promise<ActionResult<{ expiresAt: string }>> => {
    const { customer, expiresAt } = await startPortalPreview(user, customerId);
    await audit({
      outcome: "ok",
      summary: `Previewed the portal of ${customer.name} (read-only, for ${PREVIEW_GRANT_MINUTES} minutes)`,
      targetCustomerId: customer.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return {
      ok: true,
      data: { expiresAt: expiresAt.toISOString() },
      message: `Previewing ${customer.name}'s portal.`,
    };
  },
);
