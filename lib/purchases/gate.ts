import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, ne, sql, TransactionRollbackError } from "drizzle-orm";
import { RuleError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/client";
import { purchaseAttempts, purchaseConfirmations, type PurchaseAttemptRow } from "@/lib/db/schema";
import type { NewAttempt } from "./attempts";
import { settleStale, settleUnknown } from "./settle";
import { lockCustomerSpending, spendWithinLimit, type SpendCheck } from "./spend-limit";

/**
 * The gate every new order passes (README: "a purchase is never made twice"). The client's key only
 * makes a double click or a refresh safe; this makes the rest true, on the server, in the database:
 * - the same thing (domain, product, quantity, capacity, term, pak: the attempt's `fingerprint`)
 *   asked for again within the window, from any tab, device or person, gets the earlier attempt
 *   back, unless the person confirms buying again on purpose with a confirmation the server issued
 *   after showing the earlier order (single use, for that person, that order, those attempts);
 * - while an attempt on a domain is unconfirmed (`unknown`) or still being placed (`pending`), no
 *   other order for that domain is made: reconciling compares the domain's paks before and after.
 * The check and the insert run in one transaction holding a per-domain advisory lock, so two panel
 * instances cannot both pass it.
 */

/** How long the same order counts as "already placed". */
export const REPEAT_WINDOW_MINUTES = 15;
/** How long a "buy again on purpose" confirmation stays valid. */
export const CONFIRMATION_MS = 10 * 60_000;

export const BAD_CONFIRMATION =
  "This confirmation to buy again is no longer valid (it expired, was used, or was not issued to you). Nothing was bought; look at the earlier order and confirm again.";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Database | Tx;

/** What a submit meets at the gate. */
export type Gate =
  | { kind: "clear" }
  /** The same order was placed within the window: these attempts (newest per item). */
  | { kind: "same-order"; earlier: PurchaseAttemptRow[] }
  /** Another order for the domain is unconfirmed or in flight. */
  | { kind: "domain-held"; holds: PurchaseAttemptRow[] };

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The attempts holding these domains: unconfirmed, or being placed. */
async function holdsOf(db: Reader, domains: readonly string[]): Promise<PurchaseAttemptRow[]> {
  if (domains.length === 0) return [];
  return db
    .select()
    .from(purchaseAttempts)
    .where(
      and(
        inArray(purchaseAttempts.domain, [...domains]),
        inArray(purchaseAttempts.status, ["pending", "unknown"]),
      ),
    )
    .orderBy(desc(purchaseAttempts.createdAt));
}

/** The newest attempt of each fingerprint within the window that may have bought (not failed). */
async function earlierOf(db: Reader, fingerprints: readonly string[]): Promise<PurchaseAttemptRow[]> {
  if (fingerprints.length === 0) return [];
  const rows = await db
    .select()
    .from(purchaseAttempts)
    .where(
      and(
        inArray(purchaseAttempts.fingerprint, [...fingerprints]),
        ne(purchaseAttempts.status, "failed"),
        // The database's clock, the same for every panel instance.
        sql`${purchaseAttempts.createdAt} > now() - make_interval(mins => ${REPEAT_WINDOW_MINUTES})`,
      ),
    )
    .orderBy(desc(purchaseAttempts.createdAt));
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.fingerprint ?? "")) return false;
    seen.add(row.fingerprint ?? "");
    return true;
  });
}

function gateOf(
  earlier: PurchaseAttemptRow[],
  holds: PurchaseAttemptRow[],
  confirmed: ReadonlySet<string>,
): Gate {
  const unconfirmed = earlier.filter((row) => !confirmed.has(row.key));
  if (unconfirmed.length > 0) return { kind: "same-order", earlier: unconfirmed };
  // A confirmed earlier order still unconfirmed with eNom holds the domain like any other.
  if (holds.length > 0) return { kind: "domain-held", holds };
  return { kind: "clear" };
}

export interface GateSubject {
  domains: string[];
  fingerprints: string[];
}

/** Reads the gate without locking: the submit's early answer, before eNom is read for prices. */
export async function checkGate(subject: GateSubject, confirmed: ReadonlySet<string>): Promise<Gate> {
  const db = await getDb();
  return gateOf(await earlierOf(db, subject.fingerprints), await holdsOf(db, subject.domains), confirmed);
}

/**
 * Checks what holds the domains with eNom (the existing reconciliation: one read, never an order),
 * so an attempt that can be settled now does not block. Returns the gate as it is afterwards.
 */
export async function settleHolds(
  subject: GateSubject,
  user: SessionUser,
  confirmed: ReadonlySet<string>,
): Promise<Gate> {
  const gate = await checkGate(subject, confirmed);
  if (gate.kind !== "domain-held") return gate;
  for (const row of gate.holds) {
    if (row.status === "pending") await settleStale(row, user);
    else await settleUnknown(row, user, { fresh: false });
  }
  return checkGate(subject, confirmed);
}

/** A fresh "buy again on purpose" confirmation, after the earlier orders were shown to `user`. */
export async function issueConfirmation(
  user: SessionUser,
  fingerprint: string,
  earlier: readonly PurchaseAttemptRow[],
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + CONFIRMATION_MS);
  const db = await getDb();
  await db.insert(purchaseConfirmations).values({
    tokenHash: hashOf(token),
    actorId: user.id,
    fingerprint,
    earlierKeys: earlier.map((row) => row.key),
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** What a confirmation presented with a submit stands for. */
export type Confirmation =
  | { kind: "valid"; earlierKeys: Set<string> }
  /** Already used, by this person, for this order: its attempt (or batch) is the answer. */
  | { kind: "used"; usedFor: string };

/**
 * A confirmation this person was issued for this very order, still valid. A forged, expired or
 * someone else's token is refused (RuleError, nothing bought).
 */
async function readConfirmation(
  db: Reader,
  token: string,
  user: SessionUser,
  fingerprint: string,
): Promise<Confirmation> {
  const [row] = await db
    .select()
    .from(purchaseConfirmations)
    .where(
      and(
        eq(purchaseConfirmations.tokenHash, hashOf(token)),
        eq(purchaseConfirmations.actorId, user.id),
        eq(purchaseConfirmations.fingerprint, fingerprint),
      ),
    );
  if (row?.usedAt && row.usedFor) return { kind: "used", usedFor: row.usedFor };
  if (!row || row.expiresAt.getTime() <= Date.now()) throw new RuleError(BAD_CONFIRMATION);
  return { kind: "valid", earlierKeys: new Set(row.earlierKeys) };
}

/** Checks a confirmation before anything else is done (same answer as inside the claim). */
export async function peekConfirmation(
  token: string,
  user: SessionUser,
  fingerprint: string,
): Promise<Confirmation> {
  return readConfirmation(await getDb(), token, user, fingerprint);
}

export type Claim =
  | { kind: "claimed"; rows: PurchaseAttemptRow[] }
  /** A row with one of these keys exists already: a repeated submit of the same key. */
  | { kind: "key-exists" }
  | Exclude<Gate, { kind: "clear" }>
  | { kind: "confirmation-used"; usedFor: string }
  /** A customer's order that would now go over its monthly spending limit (spend-limit.ts). */
  | { kind: "over-limit"; spentCents: number };

/**
 * Writes the attempts if the gate is clear, in one transaction holding each domain's advisory lock
 * (taken in name order, so two claims cannot wait on each other): the check and the insert are one
 * step for every panel instance. A confirmation is used up by the claim that it lets through.
 */
export async function claimThroughGate(
  rows: NewAttempt[],
  subject: GateSubject & {
    confirmation: { token: string; user: SessionUser; fingerprint: string } | null;
    /** A customer's monthly limit, checked again under its lock (two orders at once). */
    spend?: SpendCheck | null;
  },
  usedFor: string,
): Promise<Claim> {
  const db = await getDb();
  return db
    .transaction(async (tx): Promise<Claim> => {
      // The customer's lock first, then the domains': every claim takes them in that order.
      if (subject.spend) await lockCustomerSpending(tx, subject.spend.customerId);
      for (const domain of [...new Set(subject.domains)].sort())
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mailpak.purchase:${domain}`}))`);
      const keys = rows.map((row) => row.key);
      const [taken] = await tx
        .select({ key: purchaseAttempts.key })
        .from(purchaseAttempts)
        .where(inArray(purchaseAttempts.key, keys))
        .limit(1);
      if (taken) return { kind: "key-exists" };
      if (subject.spend) {
        const within = await spendWithinLimit(tx, subject.spend);
        if (!within.ok) return { kind: "over-limit", spentCents: within.spentCents };
      }

      let confirmed = new Set<string>();
      if (subject.confirmation) {
        const { token, user, fingerprint } = subject.confirmation;
        const confirmation = await readConfirmation(tx, token, user, fingerprint);
        if (confirmation.kind === "used") return { kind: "confirmation-used", usedFor: confirmation.usedFor };
        confirmed = confirmation.earlierKeys;
      }
      const gate = gateOf(
        await earlierOf(tx, subject.fingerprints),
        await holdsOf(tx, subject.domains),
        confirmed,
      );
      if (gate.kind !== "clear") return gate;

      if (subject.confirmation) {
        const [used] = await tx
          .update(purchaseConfirmations)
          .set({ usedAt: new Date(), usedFor })
          .where(
            and(
              eq(purchaseConfirmations.tokenHash, hashOf(subject.confirmation.token)),
              isNull(purchaseConfirmations.usedAt),
              gt(purchaseConfirmations.expiresAt, new Date()),
            ),
          )
          .returning({ tokenHash: purchaseConfirmations.tokenHash });
        if (!used) throw new RuleError(BAD_CONFIRMATION);
      }
      // The primary key stays the last word on a key written in the meantime by another domain's claim.
      const inserted = await tx.insert(purchaseAttempts).values(rows).onConflictDoNothing().returning();
      if (inserted.length !== rows.length) {
        tx.rollback();
      }
      return { kind: "claimed", rows: inserted };
    })
    .catch((error: unknown) => {
      if (isRollback(error)) return { kind: "key-exists" } as const;
      throw error;
    });
}

function isRollback(error: unknown): boolean {
  return error instanceof TransactionRollbackError;
}
