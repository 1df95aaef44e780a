import type { PurchaseRequest } from "@/lib/validation/purchases";
import { STORAGE_UNIT_MB } from "@/lib/validation/enom-rules";
import { mailboxCountOf } from "./quote";
import { newPaks, type PakSnapshot } from "./reconcile";

/**
 * What an order eNom accepted really did, from GetPOP3 read right after it (pure). eNom's
 * answers say little (RenewPOPBundle: `orderid` only), and some effects are unknowns
 * (../shared/enom-api.md, "Unknowns"): whether `ProductType=Mailbox` with a ProductID grows the
 * pak or opens a new one, what a Mailbox `Quantity` counts. So the panel reports what the read
 * shows, and says so plainly when it differs from what was asked.
 *
 * - `as-asked`: the domain shows what was ordered;
 * - `other-pak`: the mailboxes came as a new pak instead of in the pak chosen;
 * - `differs`: something changed, but not as asked (another size, another expiry);
 * - `unchanged`: nothing shows yet;
 * - `not-read`: the domain could not be read back.
 */
export type ReadBackFinding = "as-asked" | "other-pak" | "differs" | "unchanged" | "not-read";

export interface ReadBack {
  finding: ReadBackFinding;
  /** The pak the order went to, as far as is known. */
  bundleId: number | null;
  /** That pak's expiry (ISO), as read back or, failing that, as eNom's answer gave it. */
  expires: string | null;
  /** For the person who ordered; never names the upstream provider. */
  message: string;
  /** The pak as read after the order, for the audit log. */
  pak: PakSnapshot | null;
}

/** What eNom's answer to the order said. */
export interface OrderAnswer {
  orderId: number;
  /** The BundleID the answer named, if any. */
  bundleId: number | null;
  /** The expiry the answer gave, if any (ISO). */
  expires: string | null;
}

const mailboxes = (count: number) => `${count} ${count === 1 ? "mailbox" : "mailboxes"}`;
const size = (mb: number | null) =>
  mb === null ? "an unknown size" : mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
const CHECK = "Check the domain before ordering again.";

export function readBackPurchase(
  request: PurchaseRequest,
  before: readonly PakSnapshot[],
  now: readonly PakSnapshot[] | null,
  answer: OrderAnswer,
  claimed: ReadonlySet<number> = new Set(),
): ReadBack {
  const order = `Order ${answer.orderId}`;
  if (request.kind === "purchase") {
    const wanted = mailboxCountOf(request);
    const quota = request.capacityGb * 1024;
    if (now === null)
      return {
        finding: "not-read",
        bundleId: answer.bundleId,
        expires: answer.expires,
        message: `${order} was taken${answer.bundleId === null ? "" : ` (pak ${answer.bundleId})`}, but the domain could not be read back to confirm the new pak. Open the domain to check it.`,
        pak: null,
      };
    const candidates = newPaks(before, now, claimed);
    const pak =
      candidates.find((candidate) => candidate.bundleId === answer.bundleId) ??
      candidates.find((candidate) => candidate.qtyPurchased === wanted && candidate.quotaMb === quota) ??
      candidates[0];
    if (!pak)
      return {
        finding: "unchanged",
        bundleId: answer.bundleId,
        expires: answer.expires,
        message: `${order} was taken, but no new pak shows on ${request.domain} yet. ${CHECK}`,
        pak: null,
      };
    const asAsked = pak.qtyPurchased === wanted && pak.quotaMb === quota;
    return {
      finding: asAsked ? "as-asked" : "differs",
      bundleId: pak.bundleId,
      expires: pak.expires,
      message: asAsked
        ? `Pak ${pak.bundleId} is bought: ${mailboxes(wanted)}, ${request.capacityGb} GB each, until ${pak.expires}.`
        : `Pak ${pak.bundleId} is bought (order ${answer.orderId}), but it shows ${mailboxes(pak.qtyPurchased)} of ${size(pak.quotaMb)} each, where ${mailboxes(wanted)} of ${request.capacityGb} GB were asked for. ${CHECK}`,
      pak,
    };
  }

  const was = before.find((pak) => pak.bundleId === request.bundleId);
  const is = now?.find((pak) => pak.bundleId === request.bundleId);
  if (now === null)
    return {
      finding: "not-read",
      bundleId: request.bundleId,
      expires: answer.expires ?? was?.expires ?? null,
      message: `${order} was taken, but pak ${request.bundleId} could not be read back to confirm it. Open the domain to check it.`,
      pak: null,
    };

  if (request.kind === "add-mailboxes") {
    if (was && is && is.qtyPurchased >= was.qtyPurchased + request.quantity)
      return {
        finding: "as-asked",
        bundleId: is.bundleId,
        expires: is.expires,
        message: `Pak ${is.bundleId} now has ${mailboxes(is.qtyPurchased)}, until ${is.expires}.`,
        pak: is,
      };
    const opened = newPaks(before, now, claimed);
    const other = opened.find((pak) => pak.qtyPurchased === request.quantity) ?? opened[0];
    if (other)
      return {
        finding: "other-pak",
        bundleId: other.bundleId,
        expires: other.expires,
        message: `The order went through as a new pak ${other.bundleId} (${mailboxes(other.qtyPurchased)}, until ${other.expires}), not as more mailboxes in pak ${request.bundleId}.`,
        pak: other,
      };
    const grew = was !== undefined && is !== undefined && is.qtyPurchased > was.qtyPurchased;
    return {
      finding: grew ? "differs" : "unchanged",
      bundleId: request.bundleId,
      expires: is?.expires ?? was?.expires ?? null,
      message: grew
        ? `Pak ${request.bundleId} now has ${mailboxes(is.qtyPurchased)}, not the ${was.qtyPurchased + request.quantity} asked for (order ${answer.orderId}). ${CHECK}`
        : `${order} was taken, but pak ${request.bundleId} still shows ${is ? mailboxes(is.qtyPurchased) : "no mailboxes"} and no new pak appeared. ${CHECK}`,
      pak: is ?? null,
    };
  }

  // add-storage
  const added = request.units * STORAGE_UNIT_MB;
  if (was?.quotaMb != null && is?.quotaMb != null && is.quotaMb >= was.quotaMb + added)
    return {
      finding: "as-asked",
      bundleId: is.bundleId,
      expires: is.expires,
      message: `Each mailbox of pak ${is.bundleId} has ${request.units} × 512 MB more storage (${size(is.quotaMb)} each), until ${is.expires}.`,
      pak: is,
    };
  return {
    finding: "unchanged",
    bundleId: request.bundleId,
    expires: is?.expires ?? was?.expires ?? null,
    message: `${order} was taken, but the mailboxes of pak ${request.bundleId} still show ${size(is?.quotaMb ?? null)} each. ${CHECK}`,
    pak: is ?? null,
  };
}

/** A renewal: the pak's expiry before, read back after, and what was expected. */
export function readBackRenewal(input: {
  domain: string;
  bundleId: number;
  before: string;
  expected: string;
  /** GetPOP3's paks after the order; null when it could not be read. */
  now: readonly PakSnapshot[] | null;
  answer: OrderAnswer;
}): ReadBack {
  const { domain, bundleId, before, expected, answer } = input;
  const pakName = `Pak ${bundleId} of ${domain}`;
  if (input.now === null)
    return {
      finding: "not-read",
      bundleId,
      expires: answer.expires,
      message: answer.expires
        ? `${pakName} now expires on ${answer.expires}, as the answer to order ${answer.orderId} says; it could not be read back yet to confirm.`
        : `Order ${answer.orderId} was taken, but ${domain} could not be read back to confirm the new expiry of pak ${bundleId}. Open the domain to check it.`,
      pak: null,
    };
  const pak = input.now.find((candidate) => candidate.bundleId === bundleId);
  if (!pak)
    return {
      finding: "differs",
      bundleId,
      expires: null,
      message: `Order ${answer.orderId} was taken, but pak ${bundleId} no longer shows on ${domain}. Check the domain before renewing again.`,
      pak: null,
    };
  if (pak.expires <= before)
    return {
      finding: "unchanged",
      bundleId,
      expires: pak.expires,
      message: `Order ${answer.orderId} was taken, but ${pakName.toLowerCase()} still expires on ${pak.expires}. Check the pak before renewing again.`,
      pak,
    };
  return {
    finding: pak.expires === expected ? "as-asked" : "differs",
    bundleId,
    expires: pak.expires,
    message:
      pak.expires === expected
        ? `${pakName} now expires on ${pak.expires}.`
        : `${pakName} now expires on ${pak.expires} (${expected} was expected).`,
    pak,
  };
}
