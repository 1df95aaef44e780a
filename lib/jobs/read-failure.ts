import "server-only";
import { NotFoundError, NotSignedInError } from "@/lib/auth/errors";
import { logger } from "@/lib/logger";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A failed read of the jobs, as the GET routes answer it: someone else's job is 404 like a missing one. */
export function jobReadFailure(error: unknown): { status: number; message: string } {
  if (error instanceof NotSignedInError) return { status: 401, message: error.message };
  if (error instanceof NotFoundError) return { status: 404, message: "That job was not found." };
  const reference = crypto.randomUUID().slice(0, 8);
  logger.error({ err: error, reference }, "reading jobs failed");
  return { status: 500, message: `Something went wrong on our side. (Reference ${reference})` };
}
