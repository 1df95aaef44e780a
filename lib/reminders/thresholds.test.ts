import { describe, expect, it } from "vitest";
import { dueReminder } from "./thresholds";

describe("which renewal reminder is due", () => {
  it("is the tightest of 30, 7 and 1 days that the pak has reached", () => {
    expect(dueReminder(45)).toBeNull();
    expect(dueReminder(31)).toBeNull();
    expect(dueReminder(30)).toBe(30);
    expect(dueReminder(8)).toBe(30);
    expect(dueReminder(7)).toBe(7);
    expect(dueReminder(2)).toBe(7);
    expect(dueReminder(1)).toBe(1);
    expect(dueReminder(0)).toBe(1);
  });

  it("is none once the pak has expired", () => {
    expect(dueReminder(-1)).toBeNull();
  });
});
