import "server-only";
import type { z } from "zod";
import type { ApiScope } from "@/lib/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface OperationInput<P, Q, B> {
  /** The key's holder, within the key's scopes (`user.apiKey`). */
  user: SessionUser;
  params: P;
  query: Q;
  body: B;
  /** The `Idempotency-Key` header, scoped to the key (lib/api/idempotency.ts); null when absent. */
  idempotencyKey: string | null;
}

const REPLY: unique symbol = Symbol("api-reply");

/** What a handler answers: its body, and a status other than the operation's own when it differs. */
export interface OperationReply<R> {
  [REPLY]: true;
  status: number;
  body: R;
}

/**
 * One endpoint of /api/v1: the router (lib/api/router.ts), the OpenAPI document
 * (lib/api/openapi.ts) and the generated client all come from this one description, so the
 * document cannot drift from what the code accepts.
 */
export interface ApiOperation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template under /api/v1, e.g. `/domains/{domain}/mailboxes`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The key scope the operation needs (documented); enforced through `permission`. */
  scope: ApiScope;
  /** Checked before the handler runs, for the key's holder and within the key's scopes. */
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** The status of a success; 200 unless set. */
  status?: number;
  /** Writes that buy: the `Idempotency-Key` header is required. */
  idempotent?: boolean;
  handler: (
    input: OperationInput<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<z.input<R> | OperationReply<z.input<R>>>;
}

/** Keeps each operation's types while the registry holds them side by side. */
export function defineOperation<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(operation: ApiOperation<P, Q, B, R>): ApiOperation {
  return operation as unknown as ApiOperation;
}

export function reply<R>(status: number, body: R): OperationReply<R> {
  return { [REPLY]: true, status, body };
}

export function isReply(value: unknown): value is OperationReply<unknown> {
  return typeof value === "object" && value !== null && REPLY in value;
}
