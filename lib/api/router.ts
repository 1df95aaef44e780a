import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { runAsApiCaller } from "@/lib/auth/api-caller";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import { readFailure } from "@/lib/domains/read-errors";
import { requirePermission } from "@/lib/auth/guards";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/actions/safe-action";
import { logger } from "@/lib/logger";
import { getRequestContext } from "@/lib/request-context";
import { IDEMPOTENCY_KEY_PATTERN, purchaseKeyFor } from "./idempotency";
import { authenticateApiKey } from "./keys";
import { isReply, type ApiOperation, type HttpMethod } from "./operation";
import { ApiProblem, problem, problemResponse, type Problem } from "./problem";
import { consumeApiRateLimit } from "./rate-limit";
import { API_OPERATIONS } from "./registry";
import { scopesAllow } from "./scopes";

/**
 * The public API's one door (app/api/v1/[...path]/route.ts): the key, its rate limit, the
 * operation, its input, the guards, then the handler, which calls the same feature functions and
 * server actions as the panel. Every call is audited under the key's name.
 */

export const API_BASE_PATH = "/api/v1";
const BODY_MAX_BYTES = 1_000_000;

interface CompiledOperation {
  operation: ApiOperation;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledOperation[] = API_OPERATIONS.map((operation) => {
  const names: string[] = [];
  const source = operation.path
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
  return { operation, pattern: new RegExp(`^${source}$`), names };
});

function route(method: string, path: string) {
  const matching = compiled
    .map((entry) => ({ entry, match: entry.pattern.exec(path) }))
    .filter((found): found is { entry: CompiledOperation; match: RegExpExecArray } => found.match !== null);
  if (matching.length === 0) return { kind: "none" as const };
  const found = matching.find(({ entry }) => entry.operation.method === method);
  if (!found)
    return {
      kind: "method" as const,
      allowed: [...new Set(matching.map(({ entry }) => entry.operation.method))],
    };
  const params: Record<string, string> = {};
  found.entry.names.forEach((name, index) => {
    params[name] = decodeURIComponent(found.match[index + 1] ?? "");
  });
  return { kind: "found" as const, operation: found.entry.operation, params };
}

function queryObject(url: URL): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) values[key] ??= value;
  return values;
}

function invalid(error: z.ZodError, where: string): ApiProblem {
  return new ApiProblem(
    problem(422, `The ${where} has problems: ${error.issues[0]?.message ?? "it could not be read"}`, {
      errors: fieldErrorsOf(error),
    }),
  );
}

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new ApiProblem(problem(415, "Send the body as JSON with Content-Type: application/json."));
  const text = await request.text();
  if (text.length > BODY_MAX_BYTES)
    throw new ApiProblem(problem(413, `The body is larger than ${BODY_MAX_BYTES} bytes.`));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem(problem(400, "The body is not valid JSON."));
  }
}

/** A thrown failure as a problem: the read path's own status and words (lib/domains/read-errors.ts). */
function problemOfError(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  if (error instanceof NotFoundError) return problem(404, error.message);
  if (error instanceof RuleError) return problem(409, error.message);
  const { status, message } = readFailure(error, "this");
  return problem(status, message);
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

async function auditCall(
  user: SessionUser,
  operation: ApiOperation,
  params: Record<string, string>,
  status: number,
  detail: string | null,
): Promise<void> {
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: `api.${operation.operationId}`,
    outcome: status < 400 ? "ok" : "failed",
    summary: `${operation.method} ${API_BASE_PATH}${operation.path} → ${status}${detail ? `: ${detail}` : ""}`,
    domain: params.domain ?? null,
    mailbox: params.userName && params.domain ? `${params.userName}@${params.domain}` : null,
    details: { status, params },
  }).catch((error: unknown) => logger.error({ err: error }, "could not audit an api call"));
}

/** Answers one request to /api/v1/…; `path` is what follows the base path, e.g. `/domains`. */
export async function handleApiRequest(request: Request, path: string): Promise<Response> {
  const method = request.method.toUpperCase() as HttpMethod;
  const found = route(method, path);
  if (found.kind === "none") return problemResponse(problem(404, `There is no ${API_BASE_PATH}${path}.`));
  if (found.kind === "method")
    return problemResponse(problem(405, `${API_BASE_PATH}${path} takes ${found.allowed.join(", ")}.`), {
      allow: found.allowed.join(", "),
    });
  const { operation, params } = found;

  const { ip } = await getRequestContext();
  const auth = await authenticateApiKey(request.headers.get("authorization"), ip || null);
  if (!auth.ok)
    return problemResponse(
      problem(auth.status, auth.message),
      auth.status === 401 ? { "www-authenticate": 'Bearer realm="mailpak"' } : {},
    );
  // The key is its own credential: its holder's two-factor setting guards the panel's sign-in.
  const { key } = auth;
  const user: SessionUser = {
    ...auth.user,
    totpEnabled: true,
    apiKey: {
      id: key.id,
      name: key.name,
      scopes: key.scopes,
      permissions: PERMISSIONS.filter((permission) => scopesAllow(key.scopes, permission)),
    },
  };

  return runAsApiCaller(user, async () => {
    const limit = await consumeApiRateLimit(key.id);
    if (!limit.ok) {
      await auditCall(user, operation, params, 429, "rate limit");
      return problemResponse(
        problem(
          429,
          `This key made more than ${limit.limit} calls in a minute; try again in ${limit.retryAfterSeconds} s.`,
          {
            retryAfter: limit.retryAfterSeconds,
          },
        ),
        { "ratelimit-limit": String(limit.limit), "ratelimit-remaining": "0" },
      );
    }
    const rateHeaders = {
      "ratelimit-limit": String(limit.limit),
      "ratelimit-remaining": String(limit.remaining),
      "ratelimit-reset": String(limit.resetSeconds),
    };
    try {
      const parsedParams = (operation.params ?? z.object({})).safeParse(params);
      if (!parsedParams.success) throw new ApiProblem(problem(404, "That resource was not found."));
      const parsedQuery = (operation.query ?? z.object({})).safeParse(queryObject(new URL(request.url)));
      if (!parsedQuery.success) throw invalid(parsedQuery.error, "query");
      let body: unknown = undefined;
      if (operation.body) {
        const parsedBody = operation.body.safeParse(await readBody(request));
        if (!parsedBody.success) throw invalid(parsedBody.error, "body");
        body = parsedBody.data;
      }
      let idempotencyKey: string | null = null;
      const header = request.headers.get("idempotency-key");
      if (header !== null) {
        if (!IDEMPOTENCY_KEY_PATTERN.test(header))
          throw new ApiProblem(
            problem(400, "The Idempotency-Key header is 1 to 255 visible ASCII characters."),
          );
        idempotencyKey = purchaseKeyFor(key.id, header);
      } else if (operation.idempotent) {
        throw new ApiProblem(
          problem(
            428,
            "This call buys something: send an Idempotency-Key header (e.g. a UUID) so a retry never buys twice.",
          ),
        );
      }
      requirePermission(user, operation.permission);
      const result = await operation.handler({
        user,
        params: parsedParams.data,
        query: parsedQuery.data,
        body,
        idempotencyKey,
      });
      const status = isReply(result) ? result.status : (operation.status ?? 200);
      const payload = isReply(result) ? result.body : result;
      await auditCall(user, operation, params, status, null);
      return status === 204
        ? new Response(null, { status, headers: rateHeaders })
        : json(status, payload, rateHeaders);
    } catch (error) {
      const failure = problemOfError(error);
      await auditCall(user, operation, params, failure.status, failure.detail);
      return problemResponse(failure, rateHeaders);
    }
  });
}
