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
  if (date.length !== 10 || !ISO_DATE.test(date)) throw new Error(`not an ISO date: ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 of a proleptic Gregorian date; month and day may overflow (H. Hinnant's algorithm). */
function dayNumber(year: number, month: number, day: number): number {
  const totalMonths = year * 12 + (month - 1);
  const y0 = Math.floor(totalMonths / 12);
  const m0 = totalMonths - y0 * 12 + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + (day - 1);
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

// Plain arithmetic rather than Date objects: seeding 10,000 domains makes some 100,000 of these.
function toIso(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(dayNumber(year, month, day));
}

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const { year, month, day } = partsOf(text);
  return toIso(year, month, day) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return fromDayNumber(dayNumber(year, month, day) + days);
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
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day);
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
