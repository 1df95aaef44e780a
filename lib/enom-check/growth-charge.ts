import type { UnknownAnswer } from "./unknowns";

/**
 * The `growth-charge` unknown: what eNom debits for mailboxes added to a running pak, and until
 * when. No eNom document says (seeds/000, seeds/002, addtocart.md give the inputs, never the
 * charge), so the check compares the grow order's `OrderAmount` with the price of one mailbox-year
 * read from the check's own first purchase (1 GB, one year, `OrderAmount / mailboxes`), against
 * the time the pak had left. Pure, so each reading is tested on its own.
 */
export interface GrowthChargeFacts {
  /** Today, as eNom counts days (UTC), ISO. */
  today: string;
  /** The first purchase: its OrderAmount and how many 1 GB mailbox-years it bought. */
  purchase: { amountCents: number | null; mailboxYears: number };
  /** The grow order: refused (eNom's errors), or its OrderAmount and the mailboxes it added. */
  grow: { refusal: string[] | null; amountCents: number | null; mailboxes: number };
  /** The pak's ExpDate before and after the grow (GetPOP3), and the ExpDate its reply's bundle gave. */
  expiresBefore: string | null;
  expiresAfter: string | null;
  bundleExpires: string | null;
}

type Answer = Omit<UnknownAnswer, "id" | "question">;

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addYears(iso: string, years: number): string {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(year + years, month - 1, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return `${target.getUTCFullYear()}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/** Whole years from today to the expiry, at least one (the panel's quote: lib/purchases/dates.ts). */
function wholeYearsLeft(expires: string, today: string): number {
  let years = 1;
  while (addYears(today, years) < expires) years++;
  return years;
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export function growthChargeAnswer(facts: GrowthChargeFacts): Answer {
  if (facts.grow.refusal)
    return {
      status: "open",
      answer: `eNom refused the grow order (${facts.grow.refusal.join("; ")}), so its charge could not be seen.`,
    };
  const { amountCents } = facts.grow;
  if (amountCents === null || facts.expiresBefore === null)
    return {
      status: "open",
      answer: `The grow order's reply carried no OrderAmount, or the pak's ExpDate was not read before it: nothing to compare.`,
    };
  const until =
    facts.expiresAfter === null
      ? "GetPOP3 did not answer after it"
      : facts.expiresAfter === facts.expiresBefore
        ? `the pak's ExpDate stayed ${facts.expiresBefore}`
        : `the pak's ExpDate moved from ${facts.expiresBefore} to ${facts.expiresAfter}`;
  const bundle = facts.bundleExpires ? `; the reply's bundle says ExpDate ${facts.bundleExpires}` : "";
  const seen = `eNom charged ${dollars(amountCents)} for ${facts.grow.mailboxes} mailbox(es) with ${daysBetween(facts.today, facts.expiresBefore)} days left until ${facts.expiresBefore}; ${until}${bundle}.`;
  if (facts.purchase.amountCents === null || facts.purchase.mailboxYears <= 0)
    return {
      status: "partly",
      answer: `${seen} The first purchase carried no OrderAmount, so the price of a mailbox-year is not known to compare with.`,
    };

  const perMailboxYear = facts.purchase.amountCents / facts.purchase.mailboxYears;
  const years = wholeYearsLeft(facts.expiresBefore, facts.today);
  const exactYears = daysBetween(facts.today, facts.expiresBefore) / 365;
  const close = (cents: number) => Math.abs(cents - amountCents) <= Math.max(1, amountCents * 0.01);
  const readings = [
    { name: `whole years to the expiry (${years})`, cents: perMailboxYear * facts.grow.mailboxes * years },
    {
      name: `the part of the time left (${exactYears.toFixed(2)} years, prorated by day)`,
      cents: perMailboxYear * facts.grow.mailboxes * exactYears,
    },
    { name: "one year, whatever is left", cents: perMailboxYear * facts.grow.mailboxes },
  ];
  const matches = readings.filter((reading) => close(reading.cents));
  const priced = `A 1 GB mailbox-year cost ${dollars(perMailboxYear)} in the first purchase.`;
  if (matches.length === 0)
    return {
      status: "partly",
      answer: `${seen} ${priced} That matches none of ${readings.map((r) => `${r.name}: ${dollars(Math.round(r.cents))}`).join(", ")}.`,
    };
  if (matches.length > 1)
    // A pak bought today has whole years left: proration cannot be told from full years on it.
    return {
      status: "partly",
      answer: `${seen} ${priced} It matches ${matches.map((r) => r.name).join(" and ")} alike: the pak had whole years left, so part of a year cannot be told apart. Grow a pak with part of a year left to settle it.`,
    };
  return { status: "answered", answer: `${seen} ${priced} It is ${matches[0]?.name}.` };
}
