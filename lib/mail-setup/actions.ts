"use server";

import { domainAction } from "@/lib/actions/builder";
import type { ActionResult } from "@/lib/actions/result";
import { getBranding } from "@/lib/branding/settings";
import { logger } from "@/lib/logger";
import { mailSetupEmail } from "@/lib/mail/templates/mail-setup";
import { sendMail } from "@/lib/mail/transport";
import { SETUP_NOT_READY, sendSetupInstructionsSchema } from "./model";
import { getMailboxSetup, profileLinkFor } from "./setup";
import { takeSetupEmailPoint } from "./limits";

export type SetupInstructionsSent = { to: string };

/**
 * "Send setup instructions" on a mailbox's setup page: an email in the reseller's brand with the
 * servers, a signed link to the Apple profile and webmail, never a password. It goes to the
 * mailbox itself or to another address (where its user reads mail until the phone is set up).
 * The envelope checks the caller's access to the domain and refuses the support role; anyone who
 * may see the mailbox may send it. Counted per sender and per address, and audited either way.
 */
export const sendSetupInstructionsAction = domainAction(
  { name: "mailbox.setup-instructions", schema: sendSetupInstructionsSchema, permission: "domains.view" },
  async (input, { user, domain, audit }): Promise<ActionResult<SetupInstructionsSent>> => {
    const setup = await getMailboxSetup(user, domain, input.userName);
    const about = { domain, mailbox: setup.userName };
    if (!setup.settings.configured) {
      await audit({ ...about, outcome: "failed", summary: "Refused: the mail servers are not configured" });
      return { ok: false, message: SETUP_NOT_READY };
    }
    const to = input.recipient === "other" ? input.to : setup.address;
    const limited = await takeSetupEmailPoint(user.id, to);
    if (limited) {
      await audit({
        ...about,
        outcome: "failed",
        summary: `Refused: ${limited}`,
        details: { to, rateLimited: true },
      });
      return { ok: false, message: limited };
    }
    const [branding, link] = await Promise.all([getBranding(), profileLinkFor(setup.address)]);
    const content = mailSetupEmail(branding, {
      address: setup.address,
      servers: setup.settings.servers,
      webmailUrl: setup.settings.webmailUrl,
      profileUrl: link.url,
      profileExpiresAt: link.expiresAt,
    });
    try {
      await sendMail({ ...content, to: [to], template: "mail-setup", fromName: branding.productName });
    } catch (error) {
      logger.error({ err: error, action: "mailbox.setup-instructions" }, "setup email failed");
      await audit({
        ...about,
        outcome: "failed",
        summary: `Setup instructions for ${setup.address} could not be sent`,
        details: { to },
      });
      return { ok: false, message: "The email could not be sent. Please try again in a few minutes." };
    }
    await audit({
      ...about,
      outcome: "ok",
      summary: `Sent setup instructions for ${setup.address} to ${to}`,
      details: { to },
    });
    return { ok: true, data: { to }, message: `Setup instructions sent to ${to}.` };
  },
);
