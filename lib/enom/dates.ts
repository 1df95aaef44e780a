import "server-only";

/**
 * eNom's dates. Expiry dates arrive as `M/D/YYYY` (sometimes inside CDATA with spaces), in UTC;
 * `RequestDateTime` as `M/D/YYYY h:mm:ss AM` in eNom's server clock, zone unstated. Parsed by
 * hand: `new Date("11/25/2015")` depends on the host's locale and time zone.
 *
 * A calendar date is `{ iso: "2015-11-25" }`: plain data (crosses the server/client boundary as
 * is), sorts as text, and cannot be mistaken for an instant.
 */
export type CalendarDate = { iso: string };

/** eNom's date-time, without a zone because eNom gives none: `{ iso: "2014-11-25T12:47:29" }`. */
export type EnomDateTime = { iso: string };

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) +(\d{1,2}):(\d{2}):(\d{2}) *([AaPp][Mm])$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** `11/25/2015` (whitespace around it ignored) → `{ iso: "2015-11-25" }`; null when it is not one. */
export function parseEnomDate(text: string): CalendarDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, m = "", d = "", y = ""] = match;
  return calendarDate(Number(y), Number(m), Number(d));
}

/**
 * An expiry as eNom writes it in either form: `11/25/2015` or `5/3/2010 2:14:59 AM` (GetPOP3's
 * `expdate`, GetPOPExpirations' `expdate`); the time of day is dropped. Null when it is neither.
 */
export function parseEnomDay(text: string): CalendarDate | null {
  const dateTime = parseEnomDateTime(text);
  return dateTime ? { iso: dateTime.iso.slice(0, 10) } : parseEnomDate(text);
}

/** `11/25/2014 12:47:29 PM` → `{ iso: "2014-11-25T12:47:29" }`; null when it is not one. */
export function parseEnomDateTime(text: string): EnomDateTime | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, m = "", d = "", y = "", h = "", min = "", s = "", meridiem = ""] = match;
  const date = calendarDate(Number(y), Number(m), Number(d));
  const hour12 = Number(h);
  const minute = Number(min);
  const second = Number(s);
  if (!date || hour12 < 1 || hour12 > 12 || minute > 59 || second > 59) return null;
  const hour = (hour12 % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  return { iso: `${date.iso}T${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/** `{ iso: "2015-11-25" }` → `11/25/2015`, as eNom writes it. */
export function formatEnomDate(date: CalendarDate): string {
  const [y = "", m = "", d = ""] = date.iso.split("-");
  return `${Number(m)}/${Number(d)}/${y}`;
}
