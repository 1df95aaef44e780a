import "server-only";

/**
 * Money as integer cents. eNom sends decimal strings (`15`, `15.00`, `1,234.50`, `-3.25`); they
 * are converted digit by digit, never through a float, so `0.1 + 0.2` can never bill a customer.
 * eNom's reseller accounts are in US dollars.
 */
export type Money = { cents: number; currency: "USD" };

const DECIMAL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** `"15.5"` → `{ cents: 1550, currency: "USD" }`; null when it is not a plain amount. */
export function parseMoney(text: string): Money | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign = "", whole = "", fraction = ""] = match;
  // More than two decimals only when the extra digits are zeros: `15.000` is fine, `15.005` is not
  // a price eNom charges, and rounding it silently would hide a misread reply.
  if (fraction.length > 2 && /[^0]/.test(fraction.slice(2))) return null;
  const cents = Number(whole.replaceAll(",", "")) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return { cents: sign === "-" && cents !== 0 ? -cents : cents, currency: "USD" };
}

/** `{ cents: 1550 }` → `"15.50"`. */
export function formatMoney(money: Money): string {
  const sign = money.cents < 0 ? "-" : "";
  const abs = Math.abs(money.cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
