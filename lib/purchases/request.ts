import type { PurchaseRequest } from "@/lib/validation/purchases";
import { mailboxCountOf, termLabel } from "./quote";

/**
 * What an attempt asked for, as stored in `purchase_attempts.request`: a parsed wizard request,
 * or one pak of a renewal. Stored normalised so a repeated submit can be compared with the first.
 */
export type RenewOneRequest = { kind: "renew"; domain: string; bundleId: number; years: number };
export type StoredRequest = PurchaseRequest | RenewOneRequest;

/** Plain data with only the fields that define the order, for comparing a repeated submit. */
export function normaliseRequest(request: StoredRequest): Record<string, unknown> {
  switch (request.kind) {
    case "purchase":
      return {
        kind: request.kind,
        domain: request.domain,
        quantityUnit: request.quantityUnit,
        quantity: request.quantity,
        capacityGb: request.capacityGb,
        billingPeriod: request.billingPeriod,
        terms: request.terms,
      };
    case "add-mailboxes":
      return {
        kind: request.kind,
        domain: request.domain,
        bundleId: request.bundleId,
        quantity: request.quantity,
      };
    case "add-storage":
      return { kind: request.kind, domain: request.domain, bundleId: request.bundleId, units: request.units };
    case "renew":
      return { kind: request.kind, domain: request.domain, bundleId: request.bundleId, years: request.years };
  }
}

/** JSON with sorted keys: the database (jsonb) does not keep the order the keys were written in. */
export function canonicalRequest(request: Record<string, unknown>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(request).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

/**
 * What is bought, as the server sees it (domain, product, quantity, capacity, term, pak): the
 * attempt's `fingerprint`, whoever asks and whatever key the browser sent (gate.ts).
 */
export function fingerprintOf(request: StoredRequest): string {
  return canonicalRequest(normaliseRequest(request));
}

export function sameRequest(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonicalRequest(a) === canonicalRequest(b);
}

/** A stored request read back; the row was written by normaliseRequest. */
export function storedRequestOf(value: Record<string, unknown>): StoredRequest {
  return value as unknown as StoredRequest;
}

/** One line for people: "New pak: 25 mailboxes, 5 GB each, 1 year". */
export function summaryOf(request: StoredRequest, reader: "staff" | "customer" = "staff"): string {
  const mailboxes = (count: number) => `${count} ${count === 1 ? "mailbox" : "mailboxes"}`;
  // Customers never read eNom's BundleID: "the pak of example.com".
  const pak = (bundleId: number) => (reader === "staff" ? `pak ${bundleId}` : "the pak");
  switch (request.kind) {
    case "purchase":
      return `New pak on ${request.domain}: ${mailboxes(mailboxCountOf(request))}, ${request.capacityGb} GB each, ${termLabel(request.billingPeriod, request.terms)}`;
    case "add-mailboxes":
      return `${request.quantity} more ${request.quantity === 1 ? "mailbox" : "mailboxes"} in ${pak(request.bundleId)} of ${request.domain}`;
    case "add-storage":
      return `${request.units} × 512 MB more storage per mailbox in ${pak(request.bundleId)} of ${request.domain}`;
    case "renew":
      return `Renew ${pak(request.bundleId)} of ${request.domain} for ${termLabel("year", request.years)}`;
  }
}
