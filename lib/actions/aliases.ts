"use server";

import { changeDomainAliases } from "@/lib/aliases";
import type { AliasWriteResult } from "@/lib/aliases/model";
import {
  createAliasSchema,
  deleteAliasSchema,
  editAliasSchema,
  importAliasesSchema,
} from "@/lib/validation/aliases";
import { domainAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * Server actions of a domain's aliases. `domainAction` signs the caller in, refuses support,
 * parses the input and checks the caller's access to the domain; lib/aliases checks the
 * permission to change aliases, then reads, changes, writes back and reads back the whole list,
 * auditing it once with the list before and after.
 */
type Result = ActionResult<AliasWriteResult>;

export const createAliasAction = domainAction(
  { name: "alias.create", schema: createAliasSchema },
  async (data, { user, domain, audit }): Promise<Result> =>
    changeDomainAliases(
      user,
      domain,
      { kind: "create", alias: data.alias, forwardTo: data.forwardTo },
      audit,
    ),
);

export const editAliasAction = domainAction(
  { name: "alias.edit", schema: editAliasSchema },
  async (data, { user, domain, audit }): Promise<Result> =>
    changeDomainAliases(user, domain, { kind: "edit", alias: data.alias, forwardTo: data.forwardTo }, audit),
);

export const deleteAliasAction = domainAction(
  { name: "alias.delete", schema: deleteAliasSchema },
  async (data, { user, domain, audit }): Promise<Result> =>
    changeDomainAliases(user, domain, { kind: "delete", alias: data.alias }, audit),
);

/** The rows of a CSV file the browser has read and previewed: one write for all of them, or none. */
export const importAliasesAction = domainAction(
  { name: "alias.import", schema: importAliasesSchema },
  async (data, { user, domain, audit }): Promise<Result> =>
    changeDomainAliases(user, domain, { kind: "import", rows: data.rows }, audit),
);
