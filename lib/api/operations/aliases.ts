import "server-only";
import { createAliasAction, deleteAliasAction, editAliasAction } from "@/lib/actions/aliases";
import { getDomainAliases } from "@/lib/aliases";
import type { AliasWriteResult, DomainAliasesView } from "@/lib/aliases/model";
import { fromAction } from "../action-result";
import { defineOperation, reply } from "../operation";
import { aliasList, aliasParams, createAliasBody, domainParams, editAliasBody } from "../schemas";

/**
 * Aliases: forward-only addresses that use no mailbox place. The email service keeps them as one
 * list the panel reads, changes and writes back whole (lib/aliases), here as in the grid.
 */

function listOf(view: DomainAliasesView) {
  return {
    domain: view.domain,
    aliases: view.aliases.map(({ alias, address, forwardTo, enabled }) => ({
      alias,
      address,
      forwardTo,
      enabled,
    })),
    used: view.used,
    maxAliases: view.maxAliases,
    readAt: view.fetchedAt,
  };
}

/** The list as written; 202 when the list read back afterwards did not confirm the change. */
function written(result: AliasWriteResult, created = false) {
  return reply(result.confirmed ? (created ? 201 : 200) : 202, listOf(result.aliases));
}

export const listAliases = defineOperation({
  operationId: "listAliases",
  method: "GET",
  path: "/domains/{domain}/aliases",
  tag: "Aliases",
  summary: "A domain's aliases, with its limit",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: aliasList,
  handler: async ({ user, params }) => listOf(await getDomainAliases(user, params.domain)),
});

export const createAlias = defineOperation({
  operationId: "createAlias",
  method: "POST",
  path: "/domains/{domain}/aliases",
  tag: "Aliases",
  summary: "Add an alias that forwards to an address",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: domainParams,
  body: createAliasBody,
  response: aliasList,
  status: 201,
  handler: async ({ params, body }) =>
    written(fromAction(await createAliasAction({ domain: params.domain, ...body })), true),
});

export const updateAlias = defineOperation({
  operationId: "updateAlias",
  method: "PUT",
  path: "/domains/{domain}/aliases/{alias}",
  tag: "Aliases",
  summary: "Change where an alias forwards",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: aliasParams,
  body: editAliasBody,
  response: aliasList,
  handler: async ({ params, body }) =>
    written(
      fromAction(
        await editAliasAction({ domain: params.domain, alias: params.alias, forwardTo: body.forwardTo }),
      ),
    ),
});

export const deleteAlias = defineOperation({
  operationId: "deleteAlias",
  method: "DELETE",
  path: "/domains/{domain}/aliases/{alias}",
  tag: "Aliases",
  summary: "Remove an alias",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: aliasParams,
  response: aliasList,
  handler: async ({ params }) =>
    written(fromAction(await deleteAliasAction({ domain: params.domain, alias: params.alias }))),
});
