import { describe, expect, it } from "vitest";
import { formatEnomDate, parseEnomDate, parseEnomDateTime, parseEnomDay } from "./dates";

describe("parseEnomDate", () => {
  it("reads eNom's M/D/YYYY, with the spaces CDATA leaves around it", () => {
    expect(parseEnomDate("11/25/2015")).toEqual({ iso: "2015-11-25" });
    expect(parseEnomDate(" 11/25/2015 ")).toEqual({ iso: "2015-11-25" });
    expect(parseEnomDate("3/1/2027")).toEqual({ iso: "2027-03-01" });
    expect(parseEnomDate("03/01/2027")).toEqual({ iso: "2027-03-01" });
  });

  it("knows leap years and month lengths", () => {
    expect(parseEnomDate("2/29/2024")).toEqual({ iso: "2024-02-29" });
    expect(parseEnomDate("2/29/2023")).toBeNull();
    expect(parseEnomDate("2/29/1900")).toBeNull();
    expect(parseEnomDate("2/29/2000")).toEqual({ iso: "2000-02-29" });
    expect(parseEnomDate("4/31/2025")).toBeNull();
  });

  it("refuses anything else rather than guessing (no Date.parse)", () => {
    for (const text of [
      "",
      "2015-11-25",
      "25/11/2015",
      "13/1/2015",
      "0/1/2015",
      "1/0/2015",
      "11/25/15",
      "Nov 25 2015",
      "11/25/2015 x",
    ])
      expect(parseEnomDate(text), text).toBeNull();
  });

  it("writes a date back the way eNom does", () => {
    expect(formatEnomDate({ iso: "2015-03-05" })).toBe("3/5/2015");
  });
});

describe("parseEnomDateTime", () => {
  it("reads RequestDateTime's 12-hour clock", () => {
    expect(parseEnomDateTime("12/12/2011 12:57:20 AM")).toEqual({ iso: "2011-12-12T00:57:20" });
    expect(parseEnomDateTime("11/25/2014 12:47:29 PM")).toEqual({ iso: "2014-11-25T12:47:29" });
    expect(parseEnomDateTime("2/5/2015 3:40:01 PM")).toEqual({ iso: "2015-02-05T15:40:01" });
    expect(parseEnomDateTime("11/25/2014 2:38:18 am")).toEqual({ iso: "2014-11-25T02:38:18" });
  });

  it("refuses impossible times", () => {
    for (const text of [
      "2/5/2015 13:40:01 PM",
      "2/5/2015 0:40:01 AM",
      "2/5/2015 3:60:01 PM",
      "2/5/2015 3:40 PM",
      "2/5/2015",
    ])
      expect(parseEnomDateTime(text), text).toBeNull();
  });
});

describe("parseEnomDay", () => {
  it("reads an expiry with or without a time as its calendar day (getpop3-online.xml, seeds/002)", () => {
    expect(parseEnomDay("5/3/2010 2:14:59 AM")).toEqual({ iso: "2010-05-03" });
    expect(parseEnomDay("10/25/2012 11:59:59 PM")).toEqual({ iso: "2012-10-25" });
    expect(parseEnomDay(" 11/25/2015 ")).toEqual({ iso: "2015-11-25" });
    expect(parseEnomDay("2/30/2030 1:00:00 AM")).toBeNull();
    expect(parseEnomDay("2015-11-25")).toBeNull();
  });
});
