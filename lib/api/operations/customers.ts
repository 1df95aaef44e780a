import "server-only";
import { z } from "zod";
import { setCustomerDomainsAction } from "@/lib/actions/customers";
import { getCustomer, getCustomerDomains, getCustomers } from "@/lib/customers/pages";
import type { CustomerRow } from "@/lib/db/schema";
import { fromAction } from "../action-result";
import { defineOperation } from "../operation";
import { customer, customerDetail, customerDomainsBody, customerParams } from "../schemas";

/** The reseller's customers and the domains each holds: staff keys only. */

function customerOf(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    contactEmail: row.contactEmail || null,
    allowances: {
      canCreateMailboxes: row.canCreateMailboxes,
      canManageMailboxes: row.canManageMailboxes,
      canToggleAutoRenew: row.canToggleAutoRenew,
      canPurchase: row.canPurchase,
      canRenew: row.canRenew,
    },
    createdAt: row.createdAt.toISOString(),
  };
}

export const listCustomers = defineOperation({
  operationId: "listCustomers",
  method: "GET",
  path: "/customers",
  tag: "Customers",
  summary: "Every customer, by name",
  scope: "read",
  permission: "customers.view",
  response: z.object({ data: z.array(customer) }),
  handler: async ({ user }) => ({
    data: (await getCustomers(user)).map((row) => ({
      ...customerOf(row.customer),
      domainCount: row.domainCount,
    })),
  }),
});

export const getCustomerById = defineOperation({
  operationId: "getCustomer",
  method: "GET",
  path: "/customers/{customerId}",
  tag: "Customers",
  summary: "A customer and its domains",
  scope: "read",
  permission: "customers.view",
  params: customerParams,
  response: customerDetail,
  handler: async ({ user, params }) => {
    const [row, domains] = await Promise.all([
      getCustomer(user, params.customerId),
      getCustomerDomains(user, params.customerId),
    ]);
    return { ...customerOf(row), domains };
  },
});

export const setCustomerDomains = defineOperation({
  operationId: "setCustomerDomains",
  method: "PUT",
  path: "/customers/{customerId}/domains",
  tag: "Customers",
  summary: "Set the domains a customer holds",
  description:
    "The whole list: domains left out are taken from the customer. A domain belongs to one customer at most.",
  scope: "customers",
  permission: "customers.manage",
  params: customerParams,
  body: customerDomainsBody,
  response: customerDetail,
  handler: async ({ user, params, body }) => {
    fromAction(await setCustomerDomainsAction({ customerId: params.customerId, domains: body.domains }));
    const [row, domains] = await Promise.all([
      getCustomer(user, params.customerId),
      getCustomerDomains(user, params.customerId),
    ]);
    return { ...customerOf(row), domains };
  },
});
