import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DomainEmailView } from "@/lib/domains/types";
import { queryKeys } from "@/lib/query-keys";
import { forgetDomainReads } from "./refresh-domain";
import { isLaterRead, useDomainEmail } from "./use-domain-email";

/**
 * The truth right after a write: a domain page rendered after an order shows the server's later
 * read, not the tab's older copy; and an order makes the tab forget what it held of the domain.
 */

const DOMAIN = "Fresh.test";

function view(fetchedAt: string, purchased: number, expires = "2027-01-01"): DomainEmailView {
  return {
    domain: DOMAIN.toLowerCase(),
    paks: [
      {
        bundleId: 9,
        capacityGb: 5,
        quotaMb: 5120,
        purchased,
        available: purchased - 1,
        used: 1,
        expires,
        autoRenew: false,
        prodType: 2011,
      },
    ],
    mailboxes: [],
    fetchedAt,
  };
}

function PakSize({ initial }: { initial: DomainEmailView }) {
  const email = useDomainEmail(DOMAIN, initial);
  const pak = email.data?.paks[0];
  return <p>{pak ? `${pak.purchased} mailboxes until ${pak.expires}` : "nothing"}</p>;
}

const render = (client: QueryClient, initial: DomainEmailView) =>
  renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <PakSize initial={initial} />
    </QueryClientProvider>,
  );

describe("a domain page after an order", () => {
  it("shows the server's later read over the tab's older copy, from the first paint", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.domainEmail(DOMAIN), view("2026-12-07T10:00:00.000Z", 25));
    const html = render(client, view("2026-12-07T10:05:00.000Z", 30, "2028-01-01"));
    expect(html).toContain("30 mailboxes until 2028-01-01");
    expect(client.getQueryData<DomainEmailView>(queryKeys.domainEmail(DOMAIN))?.paks[0]?.purchased).toBe(30);
  });

  it("keeps the tab's copy when the page brings an older or the same read (a page from history)", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.domainEmail(DOMAIN), view("2026-12-07T10:05:00.000Z", 30));
    expect(render(client, view("2026-12-07T10:00:00.000Z", 25))).toContain("30 mailboxes");
    expect(render(client, view("2026-12-07T10:05:00.000Z", 25))).toContain("30 mailboxes");
  });

  it("takes the page's read when the tab holds nothing", () => {
    expect(render(new QueryClient(), view("2026-12-07T10:00:00.000Z", 25))).toContain("25 mailboxes");
  });

  it("compares reads by time, not by text", () => {
    expect(isLaterRead(view("2026-12-07T10:00:01.000Z", 1), view("2026-12-07T10:00:00.000Z", 1))).toBe(true);
    expect(isLaterRead(view("2026-12-07T09:00:00.000Z", 1), view("2026-12-07T10:00:00.000Z", 1))).toBe(false);
    expect(isLaterRead(undefined, view("2026-12-07T10:00:00.000Z", 1))).toBe(false);
    expect(isLaterRead(view("2026-12-07T10:00:00.000Z", 1), undefined)).toBe(false);
  });
});

describe("forgetting a domain's reads after an order", () => {
  it("drops every read of the ordered domains not on screen, quotes and domain searches too, and nothing else", async () => {
    const client = new QueryClient();
    const kept = "other.test";
    for (const key of [
      queryKeys.domainEmail(DOMAIN),
      queryKeys.domainCatchAll(DOMAIN),
      queryKeys.domainForwarding(DOMAIN),
      queryKeys.domainOrders(DOMAIN),
      queryKeys.purchaseQuote("domain=fresh.test&qty=2"),
      queryKeys.renewalQuote("items=fresh.test:9"),
      queryKeys.purchaseDomains("fre"),
      queryKeys.domainEmail(kept),
    ])
      client.setQueryData(key, { any: "value" });

    await forgetDomainReads(client, ["FRESH.test"]);

    const left = client
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey);
    expect(left).toEqual([queryKeys.domainEmail(kept)]);
  });

  it("puts every read of one domain under one prefix", () => {
    const prefix = queryKeys.domain(DOMAIN);
    for (const key of [
      queryKeys.domainEmail(DOMAIN),
      queryKeys.domainCatchAll(DOMAIN),
      queryKeys.domainForwarding(DOMAIN),
      queryKeys.domainOrders(DOMAIN),
    ])
      expect(key.slice(0, prefix.length)).toEqual([...prefix]);
    expect(queryKeys.domainEmail("other.test").slice(0, 2)).not.toEqual([...prefix]);
  });
});
