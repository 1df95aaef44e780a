import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NearlyFullList } from "@/lib/storage-alerts/reads";
import { NearlyFullMailboxes } from "./nearly-full-list";

const list: NearlyFullList = {
  total: 3,
  first: [
    {
      domain: "bakery.test",
      address: "bread@bakery.test",
      bundleId: 7,
      quotaUsedMb: 993,
      quotaMb: 1024,
      percent: 96,
    },
    {
      domain: "bakery.shop",
      address: "orders@bakery.shop",
      bundleId: null,
      quotaUsedMb: 930,
      quotaMb: 1024,
      percent: 90,
    },
  ],
};

const render = (props: Partial<Parameters<typeof NearlyFullMailboxes>[0]> = {}) =>
  renderToStaticMarkup(<NearlyFullMailboxes list={list} base="/portal" canBuy={false} {...props} />);

describe("the portal home's nearly full mailboxes", () => {
  it("lists each with how full it is in words and a link to its domain", () => {
    const html = render();
    expect(html).toContain('<h2 id="nearly-full-title"');
    expect(html).toContain("Nearly full mailboxes");
    expect(html).toContain("bread@bakery.test");
    expect(html).toContain("96 % full");
    expect(html).toContain("(993 MB of 1 GB)");
    expect(html).toContain('href="/portal/domains/bakery.test"');
    expect(html).toContain('href="/portal/domains/bakery.shop"');
    expect(html).toContain("And 1 more");
    expect(html).toContain("ask your provider for more storage");
    expect(html).not.toContain("Add storage");
  });

  it("offers adding storage to the mailbox's pak when the reseller lets the customer buy", () => {
    const html = render({ canBuy: true });
    expect(html).toContain('href="/portal/purchase?domain=bakery.test&amp;pak=7&amp;grow=storage"');
    // A mailbox whose pak is not known gets its domain's page only.
    expect(html.split("Add storage<").length - 1).toBe(1);
  });

  it("follows the page it is shown under (the staff's preview of the portal)", () => {
    expect(render({ base: "/customers/c1/preview" })).toContain(
      'href="/customers/c1/preview/domains/bakery.test"',
    );
  });

  it("is not there when no mailbox is nearly full", () => {
    expect(render({ list: { total: 0, first: [] } })).toBe("");
  });
});
