import { z } from "zod";
import type { ApiOperation } from "./operation";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas
 * (lib/api/registry.ts): served at /api/v1/openapi.json, rendered for staff at /settings/api, and
 * the source of the typed client (lib/api/client, `npm run api:client`). OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which zod writes itself.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const PROBLEM_SCHEMA: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details; `detail` is the same sentence the panel shows.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "object",
      description: "The fields that were wrong, by path (e.g. `mailboxes.0.password`).",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
    retryAfter: { type: "integer", description: "Seconds to wait (429 only)." },
  },
  required: ["type", "title", "status", "detail"],
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function operationObject(operation: ApiOperation): JsonSchema {
  const success = String(operation.status ?? 200);
  const responses: Record<string, unknown> = {
    [success]: {
      description: operation.summary,
      content: { "application/json": { schema: jsonSchema(operation.response) } },
    },
    "401": problemResponse("No key, or a key that is unknown, revoked or expired."),
    "403": problemResponse(
      "The key's scopes, its holder's role or the customer's allowances do not allow it, or the call came from an address the key does not allow.",
    ),
    "404": problemResponse("Not found, or not the key's to see (another customer's domain is 404)."),
    "422": problemResponse("Bad input, or refused: nothing was changed."),
    "429": problemResponse("Over the key's rate limit; see Retry-After."),
  };
  if (operation.idempotent) {
    responses["200"] = {
      description: "The Idempotency-Key was used before: the first call's result, nothing done again.",
      content: { "application/json": { schema: jsonSchema(operation.response) } },
    };
    responses["202"] = {
      description: "The email service's answer was lost or the work runs as a job: read the result later.",
      content: { "application/json": { schema: jsonSchema(operation.response) } },
    };
    responses["428"] = problemResponse("No Idempotency-Key header.");
  }
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, `Scope: \`${operation.scope}\`.`].filter(Boolean).join("\n\n"),
    security: [{ apiKey: [] }],
    "x-mailpak-scope": operation.scope,
    parameters: [
      ...parameters(operation.params, "path"),
      ...parameters(operation.query, "query"),
      ...(operation.idempotent
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              description:
                "Any string of 1–255 visible characters (a UUID is best); the same key never buys twice.",
              schema: { type: "string", minLength: 1, maxLength: 255 },
            },
          ]
        : []),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(operation.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** The document's title and introduction; the portal's copy names the reseller's product instead. */
export interface ApiDocumentInfo {
  title: string;
  description: string;
}

export const API_DOCUMENT_INFO: ApiDocumentInfo = {
  title: "Mailpak API",
  description:
    "Domains, paks, mailboxes, aliases, purchases and the audit log of a Mailpak account. Authenticate with an API key as a bearer token (`Authorization: Bearer mpk_…`); a key acts as the person or customer it belongs to, within its scopes (read, mailboxes, aliases, paks, purchases, customers, audit; each operation names the one it needs). Errors are `application/problem+json`. Lists page with `cursor` and `nextCursor`.",
};

export function buildOpenApiDocument(
  operations: readonly ApiOperation[],
  serverUrl = "/api/v1",
  info: ApiDocumentInfo = API_DOCUMENT_INFO,
): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations)
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: "1.0.0", description: info.description },
    servers: [{ url: serverUrl }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "mpk_<prefix>_<secret>" },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
