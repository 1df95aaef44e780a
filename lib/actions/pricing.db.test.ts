import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { DEFAULT_PRICE_LIST, type PriceList } from "@/lib/pricing/price-list";
import { getPriceList } from "@/lib/pricing/settings";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { savePriceListAction } from "./pricing";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

let admin: SessionUser;
let staff: SessionUser;
let customer: SessionUser;

const raised = (list: PriceList): PriceList => ({
  ...list,
  retail: {
    ...list.retail,
    mailbox: { ...list.retail.mailbox, year: { ...list.retail.mailbox.year, 5: 1_250 } },
  },
});

beforeEach(async () => {
  if (!admin) {
    admin = await createTestUser({ email: "admin@pricing.test", role: "admin" });
    staff = await createTestUser({ email: "staff@pricing.test", role: "staff" });
    const acme = await createTestCustomer("Acme", [], { canPurchase: true });
    customer = {
      ...(await createTestUser({ email: "cat@acme.test", role: "customer", customerId: acme.id })),
      customer: {
        canCreateMailboxes: true,
        canManageMailboxes: true,
        canToggleAutoRenew: false,
        canPurchase: true,
        canRenew: true,
      },
    };
  }
  signInAs(null);
});

describe("the price list", () => {
  it("is eNom's list until saved", async () => {
    expect(await getPriceList()).toEqual(DEFAULT_PRICE_LIST);
  });

  it("is changed by an admin only, audited with before and after", async () => {
    const before = await getPriceList();
    const after = raised(before);
    signInAs(staff);
    expect(await savePriceListAction(after)).toEqual({
      ok: false,
      message: "Your role does not allow that.",
    });
    signInAs(customer);
    expect(await savePriceListAction(after)).toEqual({ ok: false, message: "That page was not found." });
    expect(await getPriceList()).toEqual(before);

    signInAs(admin);
    const audit = await lastAuditId();
    expect(await savePriceListAction(after)).toEqual({
      ok: true,
      data: after,
      message: "The price list is saved.",
    });
    expect(await getPriceList()).toEqual(after);
    const rows = await auditAfter(audit);
    expect(rows.map((row) => [row.action, row.outcome, row.actorEmail])).toEqual([
      ["settings.prices", "ok", "admin@pricing.test"],
    ]);
    expect(rows[0]?.details).toEqual({ before, after });
  });

  it("takes cents as numbers or digit strings, and names each wrong field", async () => {
    signInAs(admin);
    const list = await getPriceList();
    const asText = JSON.parse(JSON.stringify(list), (_key, value) =>
      typeof value === "number" ? String(value) : value,
    ) as unknown;
    expect(await savePriceListAction(asText)).toMatchObject({ ok: true, data: list });

    const wrong = structuredClone(list) as unknown as {
      cost: { mailbox: { year: Record<string, unknown> }; storageUnit: Record<string, unknown> };
      retail: { mailbox: { month: Record<string, unknown> } };
    };
    wrong.cost.mailbox.year["1"] = "";
    wrong.cost.storageUnit.month = -5;
    wrong.retail.mailbox.month["10"] = 12.5;
    const result = await savePriceListAction(wrong);
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: {
        "cost.mailbox.year.1": ["Enter a price."],
        "cost.storageUnit.month": ["A price cannot be negative."],
        "retail.mailbox.month.10": ["Enter the price in whole cents."],
      },
    });
    expect(await getPriceList()).toEqual(list);
  });
});
