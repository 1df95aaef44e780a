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

/** Megabytes as people read them: "312 MB", "1 GB", "9.8 GB". */
export function formatMegabytes(mb: number): string {
  if (mb < 1024) return `${Math.round(mb).toLocaleString("en-US")} MB`;
  const gb = mb / 1024;
  return `${gb >= 10 || Number.isInteger(gb) ? Math.round(gb) : gb.toFixed(1)} GB`;
}
