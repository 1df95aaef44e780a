/**
 * Calendar dates the way eNom shows them. The simulator keeps dates as ISO `YYYY-MM-DD` strings
 * (UTC, no time of day: a pak expires on a day) and prints them as `M/D/YYYY` without leading
 * zeros, as in the documents' samples (`11/25/2015`).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDateOf(moment: Date): IsoDate {
  return moment.toISOString().slice(0, 10);
}

function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function toIso(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const { year, month, day } = partsOf(text);
  return toIso(year, month, day) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return toIso(year, month, day + days);
}

/** Adds calendar months; a day past the end of the target month sticks to its last day (1/31 + 1 month = 2/28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return toIso(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay));
}

export type TermUnit = "year" | "month";

export function addTerm(date: IsoDate, unit: TermUnit, count: number): IsoDate {
  return addMonths(date, unit === "year" ? count * 12 : count);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** `11/25/2015`. */
export function enomDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${month}/${day}/${year}`;
}

/** `11/25/2014 12:47:29 PM`, eNom's RequestDateTime, in UTC. */
export function enomDateTime(moment: Date): string {
  const hours = moment.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${moment.getUTCMonth() + 1}/${moment.getUTCDate()}/${moment.getUTCFullYear()} ` +
    `${hour12}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`
  );
}
