import { z } from "zod";
import { displayNameSchema, mailboxDomainSchema, mailboxUserNameSchema } from "@/lib/validation/mailboxes";

/**
 * Editing a mailbox's display name, shared by the grid's dialog and the server action. eNom takes
 * a display name only when the mailbox is created (SetUpPOP3User `DisplayNameX`); GetPOP3 returns
 * none and ModifyPOP3 has no such parameter (../shared/enom-api.md, "Commands"). So an edit changes
 * the name the panel shows, never the one eNom keeps. Browser-safe: no server imports.
 */
export const setMailboxDisplayNameSchema = z.object({
  domain: mailboxDomainSchema,
  userName: mailboxUserNameSchema,
  /** The create form's rule (lib/validation/mailbox-fields.ts); empty shows "None". */
  displayName: displayNameSchema,
});
export type SetMailboxDisplayNameInput = z.input<typeof setMailboxDisplayNameSchema>;

/** What the dialog says about where the name lives, in the words this viewer may read. */
export function displayNameScope(serviceName: string): string {
  const service = serviceName === "eNom" ? "eNom" : "the email service";
  return `Shown in this panel; ${service} keeps the name given when the mailbox was created.`;
}
