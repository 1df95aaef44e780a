import "server-only";
import type { FieldErrors } from "@/lib/actions/result";

/**
 * Errors of the public API as RFC 9457 problem details (`application/problem+json`). `detail` is
 * the same specific sentence the panel shows; `errors` names each field that was wrong.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldErrors;
  /** For a 429: seconds until the key may call again (also the Retry-After header). */
  retryAfter?: number;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  502: "Bad gateway",
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://mailpak.dev/problems/${status}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "content-type": PROBLEM_CONTENT_TYPE,
      "cache-control": "no-store",
      ...(body.retryAfter !== undefined ? { "retry-after": String(body.retryAfter) } : {}),
      ...headers,
    },
  });
}

/** Thrown inside an operation to answer with a problem. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiProblem";
  }
}
