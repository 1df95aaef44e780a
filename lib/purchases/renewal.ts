import "server-only";
import { RuleError } from "@/lib/auth/errors";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { PurchaseAttemptRow } from "@/lib/db/schema";
import { getEnomClient } from "@/lib/enom";
import { getPriceList } from "@/lib/pricing/settings";
import type { RenewRequest } from "@/lib/validation/purchases";
import { requireOwnAttempt } from "@/lib/auth/guards";
import { CHANGED_CHOICES, findBatch } from "./attempts";
import { claimThroughGate, peekConfirmation, settleHolds, type Gate } from "./gate";
import { renewedExpiry, todayIso } from "./dates";
import { readBackDomain, readBalance, readPakFacts } from "./enom-reads";
import { recordOrderDone, recordOrderFailure } from "./outcome";
import { priceRenewal, quoteFor, termLabel, type PakFacts } from "./quote";
import { readBackRenewal, type OrderAnswer } from "./read-back";
import { renewalOrderFor } from "./renewal-command";
import {
  canonicalRequest,
  fingerprintOf,
  normaliseRequest,
  summaryOf,
  type RenewOneRequest,
} from "./request";
import { auditRepeat, endUserIp, gateAnswer, refuseUnaffordable, replayOf, type Refusal } from "./purchase";
import { snapshotOf } from "./settle";
import type { Quote, RenewalBatchView } from "./types";
import { attemptView } from "./view";

/**
 * Renewing one pak or several, paid from the account balance, once per idempotency key (and once
 * per pak and term within the window whatever the key, gate.ts): each pak
 * is its own attempt (`<key>:<bundleId>`) in a batch (`<key>`), renewed one after another with
 * the command for its product (renewal-command.ts), each with its own outcome, and its new expiry
 * read back from GetPOP3 (RenewPOPBundle answers only an order id). The caller has checked the
 * user's right to every domain and the permission; the domains are normalised.
 */

/** The paks asked for, each once, in the order given. */
export function distinctItems(request: RenewRequest): RenewRequest["items"] {
  const seen = new Set<string>();
  return request.items.filter((item) => {
    const id = `${item.domain}/${item.bundleId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export async function quoteRenewal(user: SessionUser, request: RenewRequest): Promise<Quote> {
  const staff = isStaffRole(user.role);
  const paks = await readPakFacts(distinctItems(request));
  const priced = priceRenewal(await getPriceList(), paks, request.years, todayIso());
  return quoteFor(priced, staff, staff ? await readBalance() : null);
}

export const attemptKeyOf = (batchKey: string, bundleId: number) => `${batchKey}:${bundleId}`;

function oneRequest(item: { domain: string; bundleId: number }, years: number): RenewOneRequest {
  return { kind: "renew", domain: item.domain, bundleId: item.bundleId, years };
}

async function batchView(rows: PurchaseAttemptRow[], user: SessionUser, batchKey: string, mine: Set<string>) {
  const attempts = [];
  for (const row of rows)
    attempts.push(
      mine.has(row.key) ? attemptView(row, isStaffRole(user.role), false) : await replayOf(row, user),
    );
  return { batchKey, attempts, earlier: null } satisfies RenewalBatchView;
}

/** The confirmation's subject for a renewal: every pak of it, with the years. */
const renewalFingerprint = (fingerprints: string[]) => JSON.stringify([...fingerprints].sort());

async function replayBatch(
  batchKey: string,
  user: SessionUser,
  wanted: Record<string, unknown>[],
  items: RenewRequest["items"],
): Promise<{ ok: true; data: RenewalBatchView }> {
  const existing = await findBatch(batchKey);
  for (const row of existing) requireOwnAttempt(row, user);
  const asked = new Set(wanted.map(canonicalRequest));
  if (existing.length !== wanted.length || existing.some((row) => !asked.has(canonicalRequest(row.request))))
    throw new RuleError(CHANGED_CHOICES);
  return { ok: true, data: await batchView(ordered(existing, items, batchKey), user, batchKey, new Set()) };
}

async function stoppedAtGate(
  gate: Exclude<Gate, { kind: "clear" }>,
  user: SessionUser,
  fingerprint: string,
  batchKey: string,
): Promise<{ ok: true; data: RenewalBatchView }> {
  const { views, earlier } = await gateAnswer(gate, user, fingerprint);
  const first = gate.kind === "same-order" ? gate.earlier[0] : gate.holds[0];
  // The earlier order's page: its renewal batch, or the purchase itself.
  return {
    ok: true,
    data: { batchKey: first?.batchKey ?? first?.key ?? batchKey, attempts: views, earlier },
  };
}

export async function submitRenewal(
  user: SessionUser,
  batchKey: string,
  request: RenewRequest,
  confirmation: string | null = null,
): Promise<{ ok: true; data: RenewalBatchView } | Refusal> {
  const items = distinctItems(request);
  const wanted = items.map((item) => normaliseRequest(oneRequest(item, request.years)));

  if ((await findBatch(batchKey)).length > 0) return replayBatch(batchKey, user, wanted, items);

  const fingerprints = items.map((item) => fingerprintOf(oneRequest(item, request.years)));
  const fingerprint = renewalFingerprint(fingerprints);
  const subject = { domains: [...new Set(items.map((item) => item.domain))], fingerprints };
  let confirmed = new Set<string>();
  if (confirmation) {
    const found = await peekConfirmation(confirmation, user, fingerprint);
    if (found.kind === "used") return replayBatch(found.usedFor, user, wanted, items);
    confirmed = found.earlierKeys;
  }
  const early = await settleHolds(subject, user, confirmed);
  if (early.kind !== "clear") return stoppedAtGate(early, user, fingerprint, batchKey);

  // Every pak must be eNom's pak of the domain named with it, before anything is written.
  const paks = await readPakFacts(items);
  const today = todayIso();
  const priced = priceRenewal(await getPriceList(), paks, request.years, today);
  const refusal = await refuseUnaffordable(user, priced, await readBalance(), {
    action: "pak.renew",
    domain: items.length === 1 ? (items[0]?.domain ?? null) : null,
    pakId: items.length === 1 ? String(items[0]?.bundleId) : null,
    key: batchKey,
    request: { items, years: request.years },
  });
  if (refusal) return refusal;

  const claim = await claimThroughGate(
    paks.map((pak, index) => ({
      key: attemptKeyOf(batchKey, pak.bundleId),
      batchKey,
      kind: "renew" as const,
      status: "pending" as const,
      actorId: user.id,
      actorEmail: user.email,
      actorRole: user.role,
      customerId: user.customerId,
      domain: pak.domain,
      pakId: String(pak.bundleId),
      request: wanted[index] ?? {},
      fingerprint: fingerprints[index] ?? null,
      repeatOf: [...confirmed][0] ?? null,
      before: {
        paks: [
          {
            bundleId: pak.bundleId,
            qtyPurchased: pak.qtyPurchased,
            quotaMb: null,
            expires: pak.expires,
            prodType: pak.prodType,
          },
        ],
      },
      costCents: priced.lines[index]?.costCents ?? null,
      retailCents: priced.lines[index]?.retailCents ?? null,
      message: "This renewal is being processed.",
    })),
    { ...subject, confirmation: confirmation ? { token: confirmation, user, fingerprint } : null },
    batchKey,
  );
  switch (claim.kind) {
    case "key-exists":
      // Another request with this key got there first: its result is this one's.
      return replayBatch(batchKey, user, wanted, items);
    case "confirmation-used":
      return replayBatch(claim.usedFor, user, wanted, items);
    case "same-order":
    case "domain-held":
      return stoppedAtGate(claim, user, fingerprint, batchKey);
    case "claimed":
      break;
  }
  if (confirmation)
    await auditRepeat(
      user,
      "pak.renew",
      items.map((item) => summaryOf(oneRequest(item, request.years))).join("; "),
      claim.rows,
      confirmed,
    );
  const done = new Map<string, PurchaseAttemptRow>();
  for (const pak of paks) {
    const row = claim.rows.find((candidate) => candidate.key === attemptKeyOf(batchKey, pak.bundleId));
    if (!row) continue;
    done.set(row.key, await renewOne(row, user, pak, request.years, today));
  }
  const rows = ordered([...done.values()], items, batchKey);
  return { ok: true, data: await batchView(rows, user, batchKey, new Set(done.keys())) };
}

/** A batch's rows in the order the paks were asked for. */
function ordered(rows: PurchaseAttemptRow[], items: RenewRequest["items"], batchKey: string) {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return items
    .map((item) => byKey.get(attemptKeyOf(batchKey, item.bundleId)))
    .filter((row): row is PurchaseAttemptRow => row !== undefined);
}

async function renewOne(
  row: PurchaseAttemptRow,
  user: SessionUser,
  pak: PakFacts,
  years: number,
  today: string,
): Promise<PurchaseAttemptRow> {
  const summary = summaryOf(oneRequest(pak, years));
  const order = renewalOrderFor(pak, years);
  let answer: OrderAnswer;
  let trackingKey: string | null;
  let orderAmountCents: number | null = null;
  const ip = await endUserIp();
  try {
    if (order.command === "RenewPOPBundle") {
      const renewal = await getEnomClient().renewPopBundle({
        domain: pak.domain,
        pakId: pak.bundleId,
        years: order.terms,
      });
      answer = { orderId: renewal.orderId, bundleId: null, expires: null };
      trackingKey = renewal.trackingKey;
    } else {
      const purchase = await getEnomClient().purchaseServices({
        kind: "mailbox",
        domain: pak.domain,
        endUserIp: ip,
        action: "renew",
        productId: pak.bundleId,
        // The mailboxes the pak holds; no Capacity, so the pak keeps its own.
        quantity: Math.max(1, pak.qtyPurchased),
        timeUnit: order.unit,
        timeQuantity: order.terms,
      });
      const bundle =
        purchase.bundles.find((candidate) => candidate.bundleId === pak.bundleId) ?? purchase.bundles[0];
      answer = {
        orderId: purchase.orderId,
        bundleId: bundle?.bundleId ?? null,
        expires: bundle?.expires?.iso ?? null,
      };
      trackingKey = purchase.trackingKey;
      orderAmountCents = purchase.orderAmount?.cents ?? null;
    }
  } catch (error) {
    return recordOrderFailure(row, user, error, `${summary}: not renewed`);
  }
  const after = await readBackDomain(pak.domain);
  const found = readBackRenewal({
    domain: pak.domain,
    bundleId: pak.bundleId,
    before: pak.expires,
    expected: renewedExpiry(pak.expires, today, order.terms, order.unit),
    now: after ? snapshotOf(after.paks) : null,
    answer,
  });
  const until = found.expires ? ` until ${found.expires}` : "";
  return recordOrderDone(row, user, {
    orderId: answer.orderId,
    trackingKey,
    bundleId: pak.bundleId,
    expires: found.expires,
    orderAmountCents,
    message: found.message,
    summary: `Renewed pak ${pak.bundleId} of ${pak.domain} for ${termLabel(order.unit, order.terms)}${until} (${order.command}): order ${answer.orderId}${found.finding === "as-asked" ? "" : ` (read back: ${found.finding})`}`,
    readBack: { finding: found.finding, pak: found.pak, command: order.command },
  });
}
