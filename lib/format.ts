/** How the panel shows values to people (the eNom client keeps its own wire formats). */
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatUsd(money: { cents: number }): string {
  return usd.format(money.cents / 100);
}

const longDate = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** A calendar date `{ iso: "2026-11-24" }` as "Nov 24, 2026". */
export function formatCalendarDate(date: { iso: string }): string {
  return longDate.format(new Date(`${date.iso}T00:00:00Z`));
}
