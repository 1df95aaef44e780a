import { describe, expect, it } from "vitest";
import { addDays, addMonths, addTerm, daysBetween, enomDate, enomDateTime, isIsoDate } from "./dates";

describe("dates", () => {
  it("prints eNom's M/D/YYYY without leading zeros", () => {
    expect(enomDate("2015-11-25")).toBe("11/25/2015");
    expect(enomDate("2015-01-05")).toBe("1/5/2015");
  });

  it("prints RequestDateTime in 12-hour time", () => {
    expect(enomDateTime(new Date("2014-11-25T12:47:29Z"))).toBe("11/25/2014 12:47:29 PM");
    expect(enomDateTime(new Date("2011-12-12T00:57:20Z"))).toBe("12/12/2011 12:57:20 AM");
    expect(enomDateTime(new Date("2015-02-05T15:40:01Z"))).toBe("2/5/2015 3:40:01 PM");
  });

  it("adds terms by the calendar, keeping the last day of a shorter month", () => {
    expect(addTerm("2014-11-25", "year", 1)).toBe("2015-11-25");
    expect(addMonths("2015-01-31", 1)).toBe("2015-02-28");
    expect(addTerm("2016-02-29", "year", 1)).toBe("2017-02-28");
    expect(addTerm("2015-12-15", "month", 1)).toBe("2016-01-15");
  });

  it("counts days and checks dates", () => {
    expect(addDays("2015-02-27", 2)).toBe("2015-03-01");
    expect(daysBetween("2015-01-01", "2015-03-01")).toBe(59);
    expect(isIsoDate("2015-02-29")).toBe(false);
    expect(isIsoDate("2016-02-29")).toBe(true);
  });
});
