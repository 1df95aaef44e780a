import createClient, { type ClientOptions } from "openapi-fetch";
import type { paths } from "./schema";

/**
 * The typed client of Mailpak's API, generated from its OpenAPI document (`npm run api:client`):
 *
 *   const api = createMailpakClient({ baseUrl: "https://panel.example/api/v1", apiKey: "mpk_…" });
 *   const { data, error } = await api.GET("/domains/{domain}", { params: { path: { domain } } });
 *
 * `error` is the problem document (`detail` says what was wrong). The API's own tests use it.
 */
export function createMailpakClient(options: ClientOptions & { apiKey: string }) {
  const { apiKey, headers, ...rest } = options;
  return createClient<paths>({
    ...rest,
    headers: { ...(headers as Record<string, string> | undefined), authorization: `Bearer ${apiKey}` },
  });
}

export type MailpakClient = ReturnType<typeof createMailpakClient>;
export type { paths } from "./schema";
