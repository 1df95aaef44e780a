import { daysUntil } from "@/lib/domains/expiry";
import { PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";

/**
 * How a pak is named. Customers (the portal) read what the pak is, in their words: "Business email
 * · 10 mailboxes · 5 GB each, renews 3 Mar 2027", never eNom's BundleID. Staff keep "Pak 600070",
 * the number eNom and its support know the pak by, with the nickname staff gave it beside it.
 * Pure: the server and the browser name a pak the same way.
 */

export interface PakFacts {
  /** Mailboxes bought in the pak (GetPOP3's QtyPurchased). */
  purchased: number;
  /** Storage per mailbox in GB (1, 3, 5 or 10); null when eNom's quota is not one of those. */
  capacityGb: number | null;
  /** Storage per mailbox in MB, used when `capacityGb` is null (extra storage bought). */
  quotaMb?: number | null;
  /** ISO calendar date, e.g. "2027-03-03". */
  expires: string;
  autoRenew: boolean;
  /** GetPOP3's ProdType: 2011 the Mailbox product, 38 a classic 10-pak, null when not sent. */
  prodType: number | null;
  /** The name staff gave the pak (pak_nicknames), if any. */
  nickname?: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-03-03" → "3 Mar 2027" (a calendar date: no time zone can move it). */
export function formatPakDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  if (!year || !name || !day) return iso;
  return `${day} ${name} ${year}`;
}

/** 5 → "5 GB"; 1536 MB → "1.5 GB"; 512 MB → "512 MB"; null when eNom did not say. */
function storageOf(pak: Pick<PakFacts, "capacityGb" | "quotaMb">): string | null {
  if (pak.capacityGb) return `${pak.capacityGb} GB`;
  if (!pak.quotaMb) return null;
  if (pak.quotaMb < 1024) return `${pak.quotaMb} MB`;
  const gb = pak.quotaMb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
}

/** "renews 3 Mar 2027", "ends 3 Mar 2027" (auto-renew off) or "expired 3 Mar 2027". */
export function pakTerm(pak: Pick<PakFacts, "expires" | "autoRenew">, today: Date): string {
  const date = formatPakDate(pak.expires);
  if (daysUntil(pak.expires, today) < 0) return `expired ${date}`;
  return pak.autoRenew ? `renews ${date}` : `ends ${date}`;
}

/** One mailbox of the Mailbox product (ProdType 2011), or a pak of exactly one mailbox. */
function isSingleMailbox(pak: Pick<PakFacts, "purchased" | "prodType">): boolean {
  return pak.purchased === 1 || (pak.prodType === PROD_TYPE_MAILBOX && pak.purchased < 1);
}

/** What the pak is, without its nickname or date: "Business email · 10 mailboxes · 5 GB each". */
export function pakKind(pak: Pick<PakFacts, "purchased" | "capacityGb" | "quotaMb" | "prodType">): string {
  const storage = storageOf(pak);
  if (isSingleMailbox(pak)) return storage ? `Mailbox · ${storage}` : "Mailbox";
  const mailboxes = pak.purchased > 0 ? `${pak.purchased.toLocaleString("en-US")} mailboxes` : "no mailboxes";
  return ["Business email", mailboxes, storage ? `${storage} each` : null].filter(Boolean).join(" · ");
}

/** A nickname as shown: trimmed, or null when there is none. */
function nicknameOf(pak: Pick<PakFacts, "nickname">): string | null {
  const nickname = pak.nickname?.trim();
  return nickname ? nickname : null;
}

/**
 * The customer's name for a pak: "Sales team — Business email · 10 mailboxes · 5 GB each, renews
 * 3 Mar 2027"; "Mailbox · 5 GB, ends 3 Mar 2027" for a single mailbox; "expired …" once past.
 */
export function describePak(pak: PakFacts, today: Date): string {
  const name = `${pakKind(pak)}, ${pakTerm(pak, today)}`;
  const nickname = nicknameOf(pak);
  return nickname ? `${nickname} — ${name}` : name;
}

/** Who reads the name: staff see eNom's BundleID, customers never do. */
export type PakViewer = "staff" | "portal";

/** The viewer of a domain's pages, from what the server said they may do (`basePath`). */
export function pakViewerOf(capabilities: { basePath: string }): PakViewer {
  return capabilities.basePath === "/portal" ? "portal" : "staff";
}

/** Staff: "Pak 600070" and, when set, " · Sales team"; portal: `describePak`. */
export function pakName(pak: PakFacts & { bundleId: number }, viewer: PakViewer, today: Date): string {
  if (viewer === "portal") return describePak(pak, today);
  const nickname = nicknameOf(pak);
  return nickname ? `Pak ${pak.bundleId} · ${nickname}` : `Pak ${pak.bundleId}`;
}

/**
 * A pak inside a sentence or a button's accessible name ("Renew pak 600070"): "pak 600070" for
 * staff, its full description in the portal, so no label there carries the BundleID.
 */
export function pakReference(pak: PakFacts & { bundleId: number }, viewer: PakViewer, today: Date): string {
  return viewer === "staff" ? `pak ${pak.bundleId}` : describePak(pak, today);
}

/**
 * A pak inside an order (the wizards, their quotes): "pak 600070" for staff; for customers what it
 * is ("Business email · 10 mailboxes · 5 GB each"), since the wizards know no more of it.
 */
export function orderPakLabel(
  pak: { bundleId: number; purchased: number; capacityGb: number | null; quotaMb?: number | null },
  viewer: PakViewer,
): string {
  if (viewer === "staff") return `pak ${pak.bundleId}`;
  return pakKind({
    purchased: pak.purchased,
    capacityGb: pak.capacityGb,
    quotaMb: pak.quotaMb ?? null,
    prodType: null,
  });
}
