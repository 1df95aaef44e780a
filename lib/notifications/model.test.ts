import { describe, expect, it } from "vitest";
import { emailChoicesSchema, markNotificationReadSchema, safeHref } from "./model";

describe("the notification kinds a person wants by email", () => {
  it("reads none, one (a single checkbox) or several, in the list's order, without repeats", () => {
    expect(emailChoicesSchema.parse({}).kinds).toEqual([]);
    expect(emailChoicesSchema.parse({ kinds: "" }).kinds).toEqual([]);
    expect(emailChoicesSchema.parse({ kinds: "customer-purchase" }).kinds).toEqual(["customer-purchase"]);
    expect(
      emailChoicesSchema.parse({ kinds: ["customer-purchase", "low-balance", "customer-purchase"] }).kinds,
    ).toEqual(["low-balance", "customer-purchase"]);
  });

  it("refuses a kind that is not on the list, saying which", () => {
    const result = emailChoicesSchema.safeParse({ kinds: ["low-balance", "everything"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["kinds", 1]);
    expect(result.error?.issues[0]?.message).toMatch(/^Choose notifications from the list/);
    expect(emailChoicesSchema.safeParse({ kinds: [{ toString: "low-balance" }] }).success).toBe(false);
  });

  it("takes a notification's id only as a UUID", () => {
    expect(markNotificationReadSchema.safeParse({ id: "1; drop table" }).success).toBe(false);
    expect(markNotificationReadSchema.safeParse({ id: "6f1d0c34-2b3a-4c5d-8e9f-0a1b2c3d4e5f" }).success).toBe(
      true,
    );
  });
});

describe("a notification's link", () => {
  it("stays inside the panel", () => {
    expect(safeHref("/expirations?filter=30")).toBe("/expirations?filter=30");
    expect(safeHref("https://evil.example/")).toBeNull();
    expect(safeHref("//evil.example/")).toBeNull();
    expect(safeHref("/\\evil.example")).toBeNull();
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
