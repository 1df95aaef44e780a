import { z } from "zod";
import { emailAddressSchema, userNameSchema } from "./mailbox-fields";
import { mailboxDomainSchema } from "./mailboxes";

/**
 * Aliases: forward-only addresses of a domain that use no mailbox (the domain's email forwarding).
 * The same schemas check the dialogs in the browser and the server actions (lib/actions/aliases.ts).
 * Browser code imports this file, so it holds no server code.
 */

/** The most rows one CSV import sends (eNom's sample limit per domain is 100). */
export const ALIAS_IMPORT_MAX = 100;

/** An alias forwarding to its own address would loop. */
function notItself(
  input: { domain: string; alias: string; forwardTo: string },
  ctx: z.RefinementCtx,
  path: (string | number)[] = ["forwardTo"],
) {
  if (input.forwardTo.toLowerCase() === `${input.alias}@${input.domain}`.toLowerCase())
    ctx.addIssue({ code: "custom", path, message: "An alias cannot forward to its own address." });
}

const aliasNameSchema = userNameSchema;

export const createAliasSchema = z
  .object({ domain: mailboxDomainSchema, alias: aliasNameSchema, forwardTo: emailAddressSchema })
  .superRefine((input, ctx) => notItself(input, ctx));
export type CreateAliasInput = z.input<typeof createAliasSchema>;

/** A new forward-to address for an alias the domain has. */
export const editAliasSchema = createAliasSchema;
export type EditAliasInput = z.input<typeof editAliasSchema>;

export const deleteAliasSchema = z.object({ domain: mailboxDomainSchema, alias: aliasNameSchema });
export type DeleteAliasInput = z.input<typeof deleteAliasSchema>;

export const aliasRowSchema = z.object({ alias: aliasNameSchema, forwardTo: emailAddressSchema });

export const importAliasesSchema = z
  .object({
    domain: mailboxDomainSchema,
    rows: z
      .array(aliasRowSchema)
      .min(1, "The file has no aliases to import.")
      .max(ALIAS_IMPORT_MAX, `Import at most ${ALIAS_IMPORT_MAX} aliases at once.`),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.rows.forEach((row, index) => {
      notItself({ domain: input.domain, ...row }, ctx, ["rows", index, "forwardTo"]);
      const key = row.alias.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["rows", index, "alias"],
          message: "Listed twice in the file.",
        });
      seen.add(key);
    });
  });
export type ImportAliasesInput = z.input<typeof importAliasesSchema>;
