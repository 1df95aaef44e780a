import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { NO_STORE, readFailure } from "@/lib/domains/read-errors";
import { observeRoute } from "@/lib/metrics/observe";
import type { PurchaseReadResponse } from "./types";

/**
 * The envelope of the purchase feature's GET routes: the caller is signed in, the query is parsed
 * with the route's schema, and every failure is a status with a message written for the user.
 * Someone else's purchase is 404, exactly like one that does not exist. Nothing is audited: a
 * read writes nothing.
 */
export function purchaseReadRoute<S extends z.ZodType, T, Context = unknown>(
  route: string,
  what: string,
  schema: S,
  inputOf: (request: Request, context: Context) => Promise<unknown> | unknown,
  read: (user: SessionUser, input: z.infer<S>) => Promise<T>,
): (request: Request, context: Context) => Promise<Response> {
  return observeRoute(route, async (request: Request, context: Context) => {
    const answer = (body: PurchaseReadResponse<T>, status = 200) =>
      NextResponse.json(body, { status, headers: NO_STORE });
    try {
      const user = await requireUser();
      const parsed = schema.safeParse(await inputOf(request, context));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.map(String).join(".") || "form";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return answer({ ok: false, message: "Please correct the highlighted fields.", fieldErrors }, 400);
      }
      return answer({ ok: true, data: await read(user, parsed.data) });
    } catch (error) {
      // "That purchase was not found.", not readFailure's "That domain…", for a purchase reference.
      if (error instanceof NotFoundError) return answer({ ok: false, message: error.message }, 404);
      // A rule of the order itself (an expired pak, a monthly pak renewed for two years).
      if (error instanceof RuleError) return answer({ ok: false, message: error.message }, 409);
      const { status, message } = readFailure(error, what);
      return answer({ ok: false, message }, status);
    }
  });
}

/** A query string as a plain object (the last value of a repeated name wins). */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
