import {
  CAPACITIES_GB,
  MAILBOXES_PER_PACK,
  MAX_SIZE,
  PROD_TYPE_MAILBOX,
  PURCHASE_QUANTITY_MAX,
  QUANTITY_UNITS,
  RENEW_YEARS_MAX,
  TERM_MAX,
  TERM_MIN,
  type BillingPeriod,
  type CapacityGb,
} from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import { mailboxTermCents, storageCents } from "../prices";
import type { Domain, Pak } from "../world";
import type { CommandContext, CommandResult, EnomCommand } from "./context";
import { endUserIpParam, pakIdParam, permittedParam, wholeNumberParam } from "./inputs";
import {
  charge,
  newPak,
  purchaseReply,
  renewalCents,
  renewedExpiry,
  termsLeft,
  type BundleLine,
} from "./orders";
import { requireActivePak, requireDomain, requireEmailAvailable, requireFunds, requirePak } from "./rules";

/**
 * PurchaseServices for email, in both of eNom's forms:
 * - the quick start (seeds/002 Step 1): `Service=pop3` with Quantity, QuantityUnit, Capacity,
 *   BillingPeriod; always a new Mailbox pak;
 * - the ProductType form (seeds/000, addtocart.md "POP Email"): POP, Renew-POP, EmailStorage,
 *   Mailbox (Create | Renew), its term as TimeUnit/TimeQuantity (seeds/000) or
 *   BillingPeriod/Period (addtocart.md).
 * `QuantityUnit` is `packs` (10 mailboxes each) or `boxes`, and **packs when absent**
 * (addtocart.md: "packs: pack of 10 email addresses (default)"), so `Quantity=5` without it buys
 * 50 mailboxes. The balance is checked before anything changes, then debited.
 */
const CAPACITY_VALUES = CAPACITIES_GB.map(String) as readonly string[];
const PRODUCT_TYPES = ["POP", "Renew-POP", "EmailStorage", "Mailbox"] as const;
/** How many 512 MB units one order may add (10 GB more per mailbox at most): the simulator's cap. */
const STORAGE_UNITS_MAX = 20;

export const purchaseServices: EnomCommand = {
  name: "PURCHASESERVICES",
  apiType: "API",
  run(context) {
    const { params } = context;
    // ClearItems empties eNom's cart; purchases here are real time with no cart, so it is only checked.
    permittedParam(params, "ClearItems", ["yes"] as const, { fallback: "yes", maxSize: 3 });
    const service = params.get("Service");
    if (service !== undefined && service !== "") {
      permittedParam(params, "Service", ["pop3"] as const);
      return quickStart(context);
    }
    if ((params.get("ProductType") ?? "") === "" && params.get("ClearItems") !== undefined)
      throw new EnomError(enomErrors.clearItemsAlone);
    const productType = permittedParam(params, "ProductType", PRODUCT_TYPES);
    // The ProductType table marks EndUserIP required; the quick start's own example omits it.
    endUserIpParam(params, true);
    if (productType === "POP") return classicPaks(context);
    if (productType === "Renew-POP") return renewPop(context);
    if (productType === "EmailStorage") return emailStorage(context);
    return params.get("ActionType")?.toLowerCase() === "renew"
      ? renewMailboxPak(context)
      : createMailboxes(context);
  },
};

function capacityParam(context: CommandContext): CapacityGb {
  return Number(permittedParam(context.params, "Capacity", CAPACITY_VALUES, { fallback: "1" })) as CapacityGb;
}

function order(
  context: CommandContext,
  cents: number,
  ...lines: [BundleLine, ...BundleLine[]]
): CommandResult {
  charge(context.account, cents);
  context.world.touch(lines[0].domain);
  return { changed: true, fields: purchaseReply(context.world.nextOrderId(), cents, lines) };
}

/** Quantity in mailboxes: × 10 unless `QuantityUnit=boxes`. */
function mailboxQuantity(context: CommandContext, quantity: number): number {
  const unit = permittedParam(context.params, "QuantityUnit", QUANTITY_UNITS, { fallback: "packs" });
  return unit === "packs" ? quantity * MAILBOXES_PER_PACK : quantity;
}

function quickStart(context: CommandContext): CommandResult {
  const { params, world, today } = context;
  const domain = requireDomain(context);
  requireEmailAvailable(domain);
  // "The default value is 10 email addresses" (seeds/002): one pack, or ten boxes.
  const boxes = params.get("QuantityUnit")?.toLowerCase() === "boxes";
  const quantity = wholeNumberParam(params, "Quantity", {
    min: 1,
    max: PURCHASE_QUANTITY_MAX,
    fallback: boxes ? MAILBOXES_PER_PACK : 1,
  });
  const mailboxes = mailboxQuantity(context, quantity);
  const capacityGb = capacityParam(context);
  const billingPeriod = permittedParam(params, "BillingPeriod", ["month", "year"] as const, {
    fallback: "year",
  });
  endUserIpParam(params, false);
  const cents = mailboxTermCents(capacityGb, billingPeriod, mailboxes, 1);
  requireFunds(context.account, cents);
  const pak = newPak(world, today, {
    product: "mailbox",
    mailboxes,
    capacityGb,
    unit: billingPeriod,
    terms: 1,
  });
  domain.paks.push(pak);
  return order(context, cents, {
    actionType: "Create",
    pak,
    domain,
    period: 1,
    billingPeriod,
    quantity: mailboxes,
    totalQuantity: mailboxes,
  });
}

/** ProductType=POP: Quantity classic 10-mailbox paks of 1 GB for a year, one pak each (seeds/000). */
function classicPaks(context: CommandContext): CommandResult {
  const domain = requireDomain(context);
  requireEmailAvailable(domain);
  const paks = wholeNumberParam(context.params, "Quantity", {
    min: 1,
    max: PURCHASE_QUANTITY_MAX,
    fallback: 1,
  });
  permittedParam(context.params, "QuantityUnit", QUANTITY_UNITS, { fallback: "packs" });
  const cents = mailboxTermCents(1, "year", paks * MAILBOXES_PER_PACK, 1);
  requireFunds(context.account, cents);
  const bought = Array.from({ length: paks }, () =>
    newPak(context.world, context.today, {
      product: "classic",
      mailboxes: MAILBOXES_PER_PACK,
      capacityGb: 1,
      unit: "year",
      terms: 1,
    }),
  );
  domain.paks.push(...bought);
  const lines = bought.map((pak): BundleLine => ({
    actionType: "Create",
    pak,
    domain,
    period: 1,
    billingPeriod: "year",
    quantity: pak.qtyPurchased,
    totalQuantity: pak.qtyPurchased,
  }));
  const [first, ...rest] = lines;
  if (!first) throw new Error("PurchaseServices POP bought no pak");
  return order(context, cents, first, ...rest);
}

/** ProductType=Renew-POP: Quantity years onto pak ProductID. */
function renewPop(context: CommandContext): CommandResult {
  const domain = requireDomain(context);
  requireEmailAvailable(domain);
  const pak = requirePak(domain, pakIdParam(context.params, "ProductID"));
  const years = wholeNumberParam(context.params, "Quantity", { min: 1, max: RENEW_YEARS_MAX, fallback: 1 });
  const cents = renewalCents(pak, "year", years);
  requireFunds(context.account, cents);
  pak.expDate = renewedExpiry(pak, context.today, "year", years);
  pak.billingPeriod = "year";
  return order(context, cents, {
    actionType: "Renew",
    pak,
    domain,
    period: years,
    billingPeriod: "year",
    quantity: pak.qtyPurchased,
    totalQuantity: pak.qtyPurchased,
  });
}

/** ProductType=EmailStorage: Quantity units of 512 MB for every mailbox of pak ProductID, until its expiry. */
function emailStorage(context: CommandContext): CommandResult {
  const domain = requireDomain(context);
  const pak = requirePak(domain, pakIdParam(context.params, "ProductID"));
  requireActivePak(pak, context.today);
  const units = wholeNumberParam(context.params, "Quantity", { min: 1, max: STORAGE_UNITS_MAX, fallback: 1 });
  if (pak.storageUnits + units > STORAGE_UNITS_MAX)
    throw new EnomError(enomErrors.notWholeNumber("Quantity", 1, STORAGE_UNITS_MAX - pak.storageUnits));
  const terms = termsLeft(pak, context.today);
  const cents = storageCents(units, pak.qtyPurchased, pak.billingPeriod, terms);
  requireFunds(context.account, cents);
  pak.storageUnits += units;
  return order(context, cents, {
    actionType: "Storage",
    pak,
    domain,
    period: terms,
    billingPeriod: pak.billingPeriod,
    quantity: units,
    totalQuantity: pak.storageUnits,
  });
}

/** TimeUnit/TimeQuantity (seeds/000) or BillingPeriod/Period (addtocart.md): Year or Month, 1-12. */
function mailboxTerm(context: CommandContext): { unit: BillingPeriod; terms: number } {
  const { params } = context;
  const unitName =
    params.get("TimeUnit") !== undefined || params.get("BillingPeriod") === undefined
      ? "TimeUnit"
      : "BillingPeriod";
  const termName =
    params.get("TimeQuantity") !== undefined || params.get("Period") === undefined
      ? "TimeQuantity"
      : "Period";
  const unit = permittedParam(params, unitName, ["Year", "Month"] as const, { fallback: "Year" });
  const terms = wholeNumberParam(params, termName, {
    min: TERM_MIN,
    max: TERM_MAX,
    maxSize: MAX_SIZE.timeQuantity,
    fallback: 1,
  });
  return { unit: unit === "Year" ? "year" : "month", terms };
}

/**
 * ProductType=Mailbox, ActionType=Create: a new pak of Quantity mailboxes, or — with ProductID —
 * Quantity more mailboxes in that Mailbox pak, paid for the whole terms left until its expiry.
 */
function createMailboxes(context: CommandContext): CommandResult {
  const { params, today } = context;
  // ActionType's documented size (3) cannot hold its own values (Create, Renew): not enforced.
  permittedParam(params, "ActionType", ["Create", "Renew"] as const, { fallback: "Create" });
  const domain = requireDomain(context);
  requireEmailAvailable(domain);
  const mailboxes = mailboxQuantity(
    context,
    wholeNumberParam(params, "Quantity", { min: 1, max: PURCHASE_QUANTITY_MAX, fallback: 1 }),
  );
  const capacityGb = capacityParam(context);
  const { unit, terms } = mailboxTerm(context);
  if ((params.get("ProductID") ?? "") === "") {
    const cents = mailboxTermCents(capacityGb, unit, mailboxes, terms);
    requireFunds(context.account, cents);
    const pak = newPak(context.world, today, { product: "mailbox", mailboxes, capacityGb, unit, terms });
    domain.paks.push(pak);
    return order(context, cents, {
      actionType: "Create",
      pak,
      domain,
      period: terms,
      billingPeriod: unit,
      quantity: mailboxes,
      totalQuantity: mailboxes,
    });
  }
  const pak = requireMailboxPak(context, domain);
  requireActivePak(pak, today);
  if (params.get("Capacity") !== undefined && capacityGb !== pak.capacityGb)
    throw new EnomError(enomErrors.capacityChange);
  const termsPaid = termsLeft(pak, today);
  const cents =
    mailboxTermCents(pak.capacityGb, pak.billingPeriod, mailboxes, termsPaid) +
    storageCents(pak.storageUnits, mailboxes, pak.billingPeriod, termsPaid);
  requireFunds(context.account, cents);
  pak.qtyPurchased += mailboxes;
  return order(context, cents, {
    actionType: "Create",
    pak,
    domain,
    period: termsPaid,
    billingPeriod: pak.billingPeriod,
    quantity: mailboxes,
    totalQuantity: pak.qtyPurchased,
  });
}

/** ProductType=Mailbox, ActionType=Renew: TimeQuantity more TimeUnits for Mailbox pak ProductID. */
function renewMailboxPak(context: CommandContext): CommandResult {
  const domain = requireDomain(context);
  requireEmailAvailable(domain);
  const pak = requireMailboxPak(context, domain);
  const { unit, terms } = mailboxTerm(context);
  if (context.params.get("Capacity") !== undefined && capacityParam(context) !== pak.capacityGb)
    throw new EnomError(enomErrors.capacityChange);
  const cents = renewalCents(pak, unit, terms);
  requireFunds(context.account, cents);
  pak.expDate = renewedExpiry(pak, context.today, unit, terms);
  pak.billingPeriod = unit;
  return order(context, cents, {
    actionType: "Renew",
    pak,
    domain,
    period: terms,
    billingPeriod: unit,
    quantity: pak.qtyPurchased,
    totalQuantity: pak.qtyPurchased,
  });
}

function requireMailboxPak(context: CommandContext, domain: Domain): Pak {
  const pak = requirePak(domain, pakIdParam(context.params, "ProductID"));
  if (pak.prodType !== PROD_TYPE_MAILBOX) throw new EnomError(enomErrors.notMailboxProduct(pak.bundleId));
  return pak;
}
