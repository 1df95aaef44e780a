import { PASSWORD_SYMBOLS, PROD_TYPE_MAILBOX } from "../validation/enom-rules";
import { daysBetween, enomDate, type IsoDate } from "./dates";
import { mixSeed, mulberry32, pick } from "./prng";
import type { Mailbox, Pak } from "./world";

/**
 * Facts about mailboxes and paks the simulator derives rather than stores: storage in use, the
 * way each product's expiry date is written, and the seeded world's passwords.
 */

/** A stable 32-bit hash of a text (FNV-1a), so a mailbox's usage depends on its name only. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash >>> 0;
}

/**
 * GetPOP3's `quotaused` (MB in use, its page): 0 on the day a mailbox is created, as the
 * samples show for new mailboxes, then growing with the days since, at a pace set by the mailbox.
 * About one mailbox in eight fills up within weeks and stays near its quota, so usage shows.
 * Deterministic: the same mailbox on the same day always reports the same figure.
 */
export function quotaUsedMb(domainName: string, mailbox: Mailbox, quotaMb: number, today: IsoDate): number {
  const days = Math.max(0, daysBetween(mailbox.createdOn, today));
  if (days === 0) return 0;
  const random = mulberry32(hashOf(`${domainName}/${mailbox.userName.toLowerCase()}`));
  const heavy = random() < 0.125;
  // MB a day: heavy users fill 1 GB in about a month, the rest take years.
  const perDay = heavy ? quotaMb / (20 + random() * 25) : (quotaMb / 1500) * (0.2 + random() * 2.5);
  const ceiling = heavy ? quotaMb * (0.9 + random() * 0.09) : quotaMb * 0.97;
  return Math.min(Math.round(perDay * days), Math.round(ceiling));
}

/** A time of day fixed by an id (`2:14:59 AM`), for eNom's dates that carry one. */
export function timeOfDay(id: number): string {
  const seconds = mixSeed(id, 86_400) % 86_400;
  const hours = Math.floor(seconds / 3600);
  const pad = (n: number) => String(n).padStart(2, "0");
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)} ${hours < 12 ? "AM" : "PM"}`;
}

/**
 * How a pak's expiry is written. Both forms are eNom's: classic paks (ProdType 38) with a time,
 * `5/3/2010 2:14:59 AM` (GetPOP3's and GetPOPExpirations' samples); Mailbox paks (ProdType 2011)
 * as a bare date, `11/25/2015`, which GetPOP3 wraps in CDATA (seeds/002).
 */
export function pakExpiryText(pak: Pak, options: { withTime?: boolean } = {}): string {
  const withTime = options.withTime ?? pak.prodType !== PROD_TYPE_MAILBOX;
  return withTime ? `${enomDate(pak.expDate)} ${timeOfDay(pak.bundleId)}` : enomDate(pak.expDate);
}

const PASSWORD_WORDS = [
  "Amber",
  "Basil",
  "Cobalt",
  "Dune",
  "Ember",
  "Fjord",
  "Gale",
  "Hazel",
  "Iris",
  "Jade",
  "Kelp",
  "Lumen",
  "Mosaic",
  "Nectar",
  "Onyx",
  "Prism",
  "Quartz",
  "Ripple",
  "Slate",
  "Tundra",
] as const;

/**
 * A seeded mailbox's password, meeting eNom's current rule (10-20 characters, an upper-case
 * letter, a number, one of `* @ - _ / .`, not containing the user name or the domain). Drawn from
 * its own stream so the rest of the seeded world does not change with it.
 */
export function seededPassword(domainName: string, userName: string): string {
  const random = mulberry32(mixSeed(hashOf(domainName), hashOf(userName.toLowerCase()), 48));
  const name = userName.toLowerCase();
  const sld = domainName.split(".")[0] ?? domainName;
  for (;;) {
    // Word, symbol, word, two digits: 11-15 characters with an upper-case letter, a number and a
    // symbol by construction, so only the "contains" part of the rule is left to check (cheaply:
    // seeding 10,000 domains makes some 40,000 of these; seed.test.ts checks them all by the rule).
    const password =
      pick(random, PASSWORD_WORDS) +
      pick(random, SYMBOLS) +
      pick(random, PASSWORD_WORDS).toLowerCase() +
      String(10 + Math.floor(random() * 90));
    const lower = password.toLowerCase();
    if (!lower.includes(name) && !lower.includes(sld)) return password;
  }
}

const SYMBOLS = [...PASSWORD_SYMBOLS];
