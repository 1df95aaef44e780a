import "server-only";
import { defineOperation } from "../operation";
import { me } from "../schemas";

export const getMe = defineOperation({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  tag: "Keys",
  summary: "The key making the call, and who it acts as",
  scope: "read",
  permission: "domains.view",
  response: me,
  handler: async ({ user }) => ({
    key: {
      id: user.apiKey?.id ?? "",
      name: user.apiKey?.name ?? "",
      scopes: [...(user.apiKey?.scopes ?? [])],
    },
    actsAs: { email: user.email, role: user.role, customerId: user.customerId },
  }),
});
