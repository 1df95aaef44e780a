import "server-only";
import { setCatchAllAction, setPakAutoRenewAction } from "@/lib/actions/paks";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "@/lib/domains/domain-list";
import { getDomainCatchAll, getDomainEmail, getDomainForwarding } from "@/lib/domains/email";
import { fromAction } from "../action-result";
import { defineOperation } from "../operation";
import {
  autoRenewBody,
  catchAll,
  catchAllBody,
  decodeCursor,
  domainDetail,
  domainListQuery,
  domainParams,
  domainSummary,
  encodeCursor,
  forwardingList,
  pak,
  pakAutoRenew,
  pakParams,
  paged,
} from "../schemas";
import { z } from "zod";

/** Domains and their paks: read from the account mirror, like the panel's pages. */

export const listDomains = defineOperation({
  operationId: "listDomains",
  method: "GET",
  path: "/domains",
  tag: "Domains",
  summary: "List the domains the key may see",
  description:
    "Every domain of the account for a staff key; only the customer's own domains for a customer key. Read from the account mirror (never waits on the email service), sorted by name.",
  scope: "read",
  permission: "domains.view",
  query: domainListQuery,
  response: paged(domainSummary),
  handler: async ({ user, query }) => {
    const page = Number(decodeCursor(query.cursor)?.page ?? 1) || 1;
    const overview = await getAccountOverview(user, {
      ...DEFAULT_DOMAIN_LIST_QUERY,
      q: query.q ?? "",
      filters: query.filter ? [query.filter] : [],
      page,
      pageSize: query.limit ?? 50,
    });
    const staff = user.role !== "customer";
    return {
      data: overview.rows.map((row) => ({
        domain: row.domain,
        customer: staff ? row.customer : null,
        paks: row.paks,
        mailboxes: row.mailboxes,
        storageUsedMb: row.storageUsedMb,
        nearestExpiry: row.nearestExpiry?.iso ?? null,
        autoRenew: row.autoRenew,
        fullPaks: row.fullPaks,
      })),
      nextCursor: overview.page < overview.pageCount ? encodeCursor({ page: overview.page + 1 }) : null,
    };
  },
});

export const getDomain = defineOperation({
  operationId: "getDomain",
  method: "GET",
  path: "/domains/{domain}",
  tag: "Domains",
  summary: "A domain's paks, mailboxes and catch-all",
  description: "Another customer's domain, or one the account does not hold, is 404.",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: domainDetail,
  handler: async ({ user, params }) => {
    const email = await getDomainEmail(user, params.domain);
    const catchAllAddress =
      email.paks.length > 0 ? await getDomainCatchAll(user, params.domain).catch(() => null) : null;
    return {
      domain: email.domain,
      paks: email.paks.map((item) => ({ ...item, nickname: item.nickname ?? null })),
      mailboxes: email.mailboxes.map(({ expires: _expires, ...item }) => item),
      catchAll: catchAllAddress,
      readAt: email.fetchedAt,
      readError: email.readError ?? null,
    };
  },
});

export const listPaks = defineOperation({
  operationId: "listPaks",
  method: "GET",
  path: "/domains/{domain}/paks",
  tag: "Paks",
  summary: "A domain's paks",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: z.object({ data: z.array(pak) }),
  handler: async ({ user, params }) => {
    const email = await getDomainEmail(user, params.domain);
    return { data: email.paks.map((item) => ({ ...item, nickname: item.nickname ?? null })) };
  },
});

export const setPakAutoRenew = defineOperation({
  operationId: "setPakAutoRenew",
  method: "PUT",
  path: "/domains/{domain}/paks/{bundleId}/auto-renew",
  tag: "Paks",
  summary: "Turn a pak's auto-renew on or off",
  scope: "paks",
  permission: "paks.autoRenew",
  params: pakParams,
  body: autoRenewBody,
  response: pakAutoRenew,
  handler: async ({ params, body }) => {
    fromAction(
      await setPakAutoRenewAction({
        domain: params.domain,
        bundleId: params.bundleId,
        autoRenew: body.autoRenew,
      }),
    );
    return { bundleId: params.bundleId, autoRenew: body.autoRenew };
  },
});

export const getForwarding = defineOperation({
  operationId: "getForwarding",
  method: "GET",
  path: "/domains/{domain}/forwarding",
  tag: "Forwarding",
  summary: "Every mailbox forward of a domain",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: forwardingList,
  handler: async ({ user, params }) => {
    const view = await getDomainForwarding(user, params.domain);
    return {
      domain: view.domain,
      forwards: view.forwards,
      readAt: view.fetchedAt,
      readError: view.readError ?? null,
    };
  },
});

export const getCatchAll = defineOperation({
  operationId: "getCatchAll",
  method: "GET",
  path: "/domains/{domain}/catch-all",
  tag: "Forwarding",
  summary: "Where mail to unknown addresses of the domain goes",
  scope: "read",
  permission: "domains.view",
  params: domainParams,
  response: catchAll,
  handler: async ({ user, params }) => ({ catchAll: await getDomainCatchAll(user, params.domain) }),
});

export const setCatchAll = defineOperation({
  operationId: "setCatchAll",
  method: "PUT",
  path: "/domains/{domain}/catch-all",
  tag: "Forwarding",
  summary: "Send mail to unknown addresses of the domain to one address",
  scope: "aliases",
  permission: "mailboxes.manage",
  params: domainParams,
  body: catchAllBody,
  response: catchAll,
  handler: async ({ params, body }) =>
    fromAction(await setCatchAllAction({ domain: params.domain, catchAll: body.catchAll })),
});
