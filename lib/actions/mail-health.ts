"use server";

import { z } from "zod";
import { checkMailHealth } from "@/lib/mail-health/check";
import { applyMailFix, type MailFixOutcome } from "@/lib/mail-health/fix";
import { mailHealthView } from "@/lib/mail-health/queries";
import type { MailHealthView } from "@/lib/mail-health/view";
import { domainAction } from "./builder";
import type { ActionResult } from "./result";

const domainSchema = z.object({ domain: z.string().trim().min(1, "Choose a domain.").max(253) });

/** Checks the domain's mail delivery again now (DNS and the email service); changes nothing at eNom. */
export const checkMailHealthAction = domainAction(
  { name: "mailHealth.check", schema: domainSchema, permission: "domains.view", supportMayRun: true },
  async (_input, { user, domain }): Promise<ActionResult<MailHealthView>> => {
    const stored = await checkMailHealth(domain);
    return { ok: true, data: mailHealthView(user, domain, stored), message: "Checked just now." };
  },
);

const fixSchema = domainSchema.extend({
  fingerprint: z.string().min(1, "Show the fix again before applying it.").max(64),
});

/** Writes the DNS records the fix dialog showed, if they are still what it was made from. */
export const applyMailFixAction = domainAction(
  { name: "mailHealth.fix", schema: fixSchema, permission: "dns.manage" },
  async ({ fingerprint }, { domain, audit }): Promise<ActionResult<MailFixOutcome>> =>
    applyMailFix(domain, fingerprint, audit),
);
