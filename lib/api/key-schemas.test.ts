import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createCustomerApiKeySchema, createStaffApiKeySchema } from "./key-schemas";

const CUSTOMER = "3f1e9c1a-5b7d-4c1e-9a2b-1c2d3e4f5a6b";

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

const valid = { name: "WHMCS", scopes: ["read"], expiresOn: "", allowedIps: "", customerId: "" };

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

describe("the API key form", () => {
  it("accepts a staff key and reads its fields", () => {
    const parsed = createStaffApiKeySchema.parse({
      name: "  Billing  ",
      scopes: ["purchases", "read", "read"],
      expiresOn: isoDay(30),
      allowedIps: "203.0.113.0/24\n::ffff:198.51.100.7\n\n203.0.113.0/24",
      customerId: "",
    });
    expect(parsed).toMatchObject({
      name: "Billing",
      scopes: ["read", "purchases"],
      allowedIps: ["203.0.113.0/24", "198.51.100.7"],
      customerId: null,
    });
    expect(parsed.expiresOn?.toISOString()).toBe(`${isoDay(30)}T23:59:59.999Z`);
    expect(createStaffApiKeySchema.parse(valid).expiresOn).toBeNull();
  });

  it("names what is missing or too long", () => {
    expect(errorsOf(createStaffApiKeySchema, { ...valid, name: "  " }).name).toEqual([
      "Give the key a name, e.g. the system that will use it.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, name: "x".repeat(81) }).name).toEqual([
      "A key's name has at most 80 characters.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, scopes: [] }).scopes).toEqual([
      "Choose at least one scope.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, scopes: undefined }).scopes).toEqual([
      "Choose at least one scope.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, scopes: ["root"] }).scopes).toEqual([
      "That is not one of the scopes offered.",
    ]);
  });

  it("wants an expiry in the future and at most two years away", () => {
    expect(errorsOf(createStaffApiKeySchema, { ...valid, expiresOn: isoDay(-1) }).expiresOn).toEqual([
      "Choose an expiry date in the future.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, expiresOn: isoDay(800) }).expiresOn).toEqual([
      "A key can live at most 2 years; choose an earlier expiry date.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, expiresOn: "next week" }).expiresOn).toEqual([
      "Enter the expiry date as YYYY-MM-DD, or leave it empty.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, expiresOn: isoDay(729) })).toEqual({});
  });

  it("checks each allowed address, and their number", () => {
    expect(
      errorsOf(createStaffApiKeySchema, { ...valid, allowedIps: "203.0.113.7\nexample.com\n10.0.0.1/8" })
        .allowedIps,
    ).toEqual([
      '"example.com" is not an IP address or CIDR range (e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/48).',
      '"10.0.0.1/8" is not the start of its range; did you mean 10.0.0.0/8?',
    ]);
    const many = Array.from({ length: 21 }, (_, index) => `198.51.100.${index}`).join("\n");
    expect(errorsOf(createStaffApiKeySchema, { ...valid, allowedIps: many }).allowedIps).toEqual([
      "At most 20 addresses or ranges (you entered 21); use wider CIDR ranges such as 203.0.113.0/24.",
    ]);
    expect(
      createStaffApiKeySchema.parse({ ...valid, allowedIps: ["2001:db8::/32", "::1"] }).allowedIps,
    ).toEqual(["2001:db8::/32", "::1"]);
  });

  it("limits a customer's key to the customer scopes", () => {
    expect(
      errorsOf(createStaffApiKeySchema, { ...valid, customerId: CUSTOMER, scopes: ["read", "customers"] })
        .scopes,
    ).toEqual([
      "A key limited to a customer can only have the scopes Read, Mailboxes, Aliases, Paks, Purchases.",
    ]);
    expect(errorsOf(createStaffApiKeySchema, { ...valid, customerId: "nope" }).customerId).toEqual([
      "That customer was not found.",
    ]);
    expect(createStaffApiKeySchema.parse({ ...valid, customerId: CUSTOMER }).customerId).toBe(CUSTOMER);
    expect(errorsOf(createCustomerApiKeySchema, { ...valid, scopes: ["audit"] }).scopes).toEqual([
      "Choose among the scopes offered.",
    ]);
    expect(errorsOf(createCustomerApiKeySchema, { ...valid, scopes: ["read", "mailboxes"] })).toEqual({});
  });
});
