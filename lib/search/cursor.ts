import "server-only";
import { z } from "zod";

/**
 * Keyset positions in a search's order, carried in the URL as opaque base64url. A position is
 * where the last shown result sits, so a page is "the next rows after it": stable while the
 * mirror changes underneath, and as fast on page 500 as on page 1.
 */

/** Domains and mailboxes: prefix matches first, then by domain, the domain before its mailboxes. */
export interface RowPosition {
  kind: "row";
  tier: number;
  domain: string;
  /** 0 the domain itself, 1 a mailbox. */
  rank: number;
  /** The mailbox's user name; "" for the domain. */
  name: string;
}

/** Paks: soonest expiry first. */
export interface PakPosition {
  kind: "pak";
  expires: string;
  domain: string;
  bundleId: number;
}

export type SearchPosition = RowPosition | PakPosition;

const text = z.string().max(300);
const payloadSchema = z.union([
  z.tuple([z.literal("r"), z.number().int().min(0).max(1), text, z.number().int().min(0).max(1), text]),
  z.tuple([z.literal("p"), text, text, z.number().int().min(0).max(2_147_483_647)]),
]);

export class BadCursorError extends Error {
  constructor() {
    super("This page of results is no longer valid; start the search again.");
    this.name = "BadCursorError";
  }
}

export function encodeCursor(position: SearchPosition): string {
  const payload =
    position.kind === "row"
      ? ["r", position.tier, position.domain, position.rank, position.name]
      : ["p", position.expires, position.domain, position.bundleId];
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/** The position in a cursor; a cursor that was not made here is refused. */
export function decodeCursor(cursor: string): SearchPosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new BadCursorError();
  const payload = parsed.data;
  if (payload[0] === "r") {
    const [, tier, domain, rank, name] = payload;
    return { kind: "row", tier, domain, rank, name };
  }
  const [, expires, domain, bundleId] = payload;
  return { kind: "pak", expires, domain, bundleId };
}

/** Code-point order, as PostgreSQL's "C" collation sorts the same text. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of two row positions, the same as the SQL's `order by`. */
export function compareRows(a: RowPosition, b: RowPosition): number {
  return a.tier - b.tier || compareText(a.domain, b.domain) || a.rank - b.rank || compareText(a.name, b.name);
}
