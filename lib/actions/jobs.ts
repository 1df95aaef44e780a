"use server";

import { z } from "zod";
import { cancelJob } from "@/lib/jobs/cancel";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

const cancelJobSchema = z.object({ runId: z.uuid("That job was not found.") });

/**
 * Cancels a queued or running job (lib/jobs/cancel.ts checks who may): items not yet sent are
 * skipped, never sent; an item already sent to eNom is left to finish and keeps its true outcome.
 */
export const cancelJobAction = userAction(
  { name: "job.cancel", schema: cancelJobSchema },
  async ({ runId }, { user }): Promise<ActionResult<{ runId: string }>> => {
    const result = await cancelJob(user, runId);
    return result.ok ? { ok: true, data: { runId }, message: result.message } : result;
  },
);
