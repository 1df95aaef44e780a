import "server-only";
import { z } from "zod";

/**
 * Where a page of the order history ends, carried in the URL as opaque base64url: the last shown
 * order's time (to the microsecond, as PostgreSQL keeps it, so no order is skipped or shown twice)
 * and its key, which breaks ties. The next page is "the orders older than this one".
 */
export interface OrderPosition {
  /** `2026-05-31T14:02:09.123456Z` */
  at: string;
  key: string;
}

const payloadSchema = z.tuple([
  z.literal("o"),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  z
    .string()
    .max(60)
    .regex(/^[0-9a-f-]+(?::\d{1,10})?$/i),
]);

export class BadOrderCursorError extends Error {
  constructor() {
    super("This page of orders is no longer valid; start again from the newest orders.");
    this.name = "BadOrderCursorError";
  }
}

export function encodeOrderCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify(["o", position.at, position.key]), "utf8").toString("base64url");
}

/** The position in a cursor; a cursor that was not made here is refused. */
export function decodeOrderCursor(cursor: string): OrderPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadOrderCursorError();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new BadOrderCursorError();
  const [, at, key] = parsed.data;
  return { at, key };
}
