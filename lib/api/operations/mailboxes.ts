import "server-only";
import { z } from "zod";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  removeMailboxForwardingAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxDisplayNameAction,
  setMailboxForwardingAction,
} from "@/lib/actions/mailboxes";
import { getDomainEmail } from "@/lib/domains/email";
import { fromAction } from "../action-result";
import { defineOperation, reply } from "../operation";
import { ApiProblem, problem } from "../problem";
import {
  createMailboxesBody,
  domainParams,
  forwardingBody,
  mailbox,
  mailboxBatchResult,
  mailboxParams,
  mailboxResult,
  resetPasswordBody,
  updateMailboxBody,
} from "../schemas";

/**
 * Mailboxes through the grid's own server actions: the same checks, the same one batch command
 * per 99 mailboxes, the same per-mailbox outcomes and audit. Passwords go to the email service
 * and nowhere else.
 */

const results = (data: { results: z.input<typeof mailboxResult>[] }) => ({ results: data.results });

/** One mailbox's outcome as the call's answer: refused is 422, unknown is 202 (read it back later). */
function single(data: { results: z.input<typeof mailboxResult>[] }) {
  const [only] = data.results;
  if (!only) throw new ApiProblem(problem(500, "The change came back without an outcome."));
  if (only.outcome === "failed")
    throw new ApiProblem(problem(422, only.message ?? "The email service refused it."));
  return reply(only.outcome === "unknown" ? 202 : 200, only);
}

export const listMailboxes = defineOperation({
  operationId: "listMailboxes",
  method: "GET",
  path: "/domains/{domain}/mailboxes",
  tag: "Mailboxes",
  summary: "A domain's mailboxes",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: z.object({ data: z.array(mailbox) }),
  handler: async ({ user, params }) => {
    const email = await getDomainEmail(user, params.domain);
    return { data: email.mailboxes.map(({ expires: _expires, ...item }) => item) };
  },
});

export const createMailboxes = defineOperation({
  operationId: "createMailboxes",
  method: "POST",
  path: "/domains/{domain}/mailboxes",
  tag: "Mailboxes",
  summary: "Create mailboxes in a pak, in bulk",
  description:
    "One result per mailbox, in the order sent: `ok`, `failed` (with the reason; nothing changed for it) or `unknown` (the answer was lost and could not be read back). The call itself fails (422) only when nothing was sent: bad input, no room in the pak, or the email service refused the whole batch.",
  scope: "mailboxes",
  permission: "mailboxes.create",
  params: domainParams,
  body: createMailboxesBody,
  response: mailboxBatchResult,
  handler: async ({ params, body }) =>
    results(
      fromAction(
        await createMailboxesAction({
          domain: params.domain,
          bundleId: body.bundleId,
          mailboxes: body.mailboxes.map((item) => ({
            userName: item.userName,
            password: item.password,
            displayName: item.displayName ?? "",
            isAdmin: item.isAdmin ?? false,
          })),
        }),
      ),
    ),
});

export const updateMailbox = defineOperation({
  operationId: "updateMailbox",
  method: "PATCH",
  path: "/domains/{domain}/mailboxes/{userName}",
  tag: "Mailboxes",
  summary: "Change a mailbox's administrator flag or display name",
  scope: "mailboxes",
  permission: "mailboxes.manage",
  params: mailboxParams,
  body: updateMailboxBody,
  response: mailboxResult,
  handler: async ({ params, body }) => {
    let outcome: z.input<typeof mailboxResult> = { userName: params.userName, outcome: "ok", message: null };
    if (body.isAdmin !== undefined) {
      const answer = single(
        fromAction(
          await setMailboxAdminAction({
            domain: params.domain,
            userNames: [params.userName],
            isAdmin: body.isAdmin,
          }),
        ),
      );
      if (answer.status !== 200) return answer;
      outcome = answer.body;
    }
    if (body.displayName !== undefined)
      fromAction(
        await setMailboxDisplayNameAction({
          domain: params.domain,
          userName: params.userName,
          displayName: body.displayName,
        }),
      );
    return outcome;
  },
});

export const resetMailboxPassword = defineOperation({
  operationId: "resetMailboxPassword",
  method: "POST",
  path: "/domains/{domain}/mailboxes/{userName}/password",
  tag: "Mailboxes",
  summary: "Set a mailbox's password",
  description: "202 when the answer was lost: a password cannot be read back, so set it again to be sure.",
  scope: "mailboxes",
  permission: "mailboxes.manage",
  params: mailboxParams,
  body: resetPasswordBody,
  response: mailboxResult,
  handler: async ({ params, body }) =>
    single(
      fromAction(
        await resetMailboxPasswordsAction({
          domain: params.domain,
          items: [{ userName: params.userName, password: body.password }],
        }),
      ),
    ),
});

export const deleteMailbox = defineOperation({
  operationId: "deleteMailbox",
  method: "DELETE",
  path: "/domains/{domain}/mailboxes/{userName}",
  tag: "Mailboxes",
  summary: "Delete a mailbox and its mail",
  scope: "mailboxes",
  permission: "mailboxes.manage",
  params: mailboxParams,
  response: mailboxResult,
  handler: async ({ params }) =>
    single(fromAction(await deleteMailboxesAction({ domain: params.domain, userNames: [params.userName] }))),
});

export const setMailboxForwarding = defineOperation({
  operationId: "setMailboxForwarding",
  method: "PUT",
  path: "/domains/{domain}/mailboxes/{userName}/forwarding",
  tag: "Forwarding",
  summary: "Forward a mailbox's mail to another address",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: mailboxParams,
  body: forwardingBody,
  response: mailboxResult,
  handler: async ({ params, body }) =>
    single(
      fromAction(
        await setMailboxForwardingAction({
          domain: params.domain,
          userName: params.userName,
          forwardTo: body.forwardTo,
          keepCopy: body.keepCopy ?? true,
        }),
      ),
    ),
});

export const removeMailboxForwarding = defineOperation({
  operationId: "removeMailboxForwarding",
  method: "DELETE",
  path: "/domains/{domain}/mailboxes/{userName}/forwarding",
  tag: "Forwarding",
  summary: "Stop forwarding a mailbox's mail",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: mailboxParams,
  response: mailboxResult,
  handler: async ({ params }) =>
    single(
      fromAction(await removeMailboxForwardingAction({ domain: params.domain, userName: params.userName })),
    ),
});
