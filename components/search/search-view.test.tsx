import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SearchPage } from "@/lib/search/model";
import { SearchView } from "./search-view";

const page: SearchPage = {
  results: [
    { kind: "domain", domain: "bakery.test", customerName: "Bakery Ltd", hasEmail: true, readAt: null },
    {
      kind: "mailbox",
      domain: "bakery.test",
      address: "bread@bakery.test",
      displayName: "Marianne Baker",
      isAdmin: true,
      quotaMb: 1024,
      quotaUsedMb: 1000,
      customerName: null,
      readAt: "2026-06-01T08:00:00.000Z",
    },
  ],
  nextCursor: "NEXT",
  freshness: {
    oldestReadAt: "2026-05-30T08:00:00.000Z",
    newestReadAt: "2026-06-01T08:00:00.000Z",
    unreadDomains: 2,
  },
};

function render(props: Partial<Parameters<typeof SearchView>[0]> = {}): string {
  return renderToStaticMarkup(
    <SearchView
      path="/portal/search"
      domainsBase="/portal/domains"
      placeholder="Address"
      form={{ q: "bak", filter: "admins" }}
      cursor={null}
      outcome={{ ok: true, page }}
      {...props}
    />,
  );
}

describe("the search page's view", () => {
  it("links each result to its domain's page and says what it is", () => {
    const html = render();
    expect(html.match(/href="\/portal\/domains\/bakery.test"/g)).toHaveLength(2);
    expect(html).toContain("Marianne Baker");
    expect(html).toContain("Administrator");
    expect(html).toContain("97 % of 1 GB used");
    expect(html).toContain("Customer: Bakery Ltd");
  });

  it("says how fresh the results are", () => {
    expect(render()).toContain(
      "read between May 30, 08:00 UTC and Jun 1, 08:00 UTC. The mailboxes of 2 domains are not read yet.",
    );
  });

  it("pages forward with the cursor and the same search, and back to the first results", () => {
    expect(render()).toContain('href="/portal/search?q=bak&amp;filter=admins&amp;cursor=NEXT"');
    expect(render()).not.toContain("First results");
    const later = render({
      cursor: "NOW",
      outcome: { ok: true, page: { ...page, nextCursor: null, freshness: null } },
    });
    expect(later).toContain('href="/portal/search?q=bak&amp;filter=admins"');
    expect(later).not.toContain("Next results");
  });

  it("shows why a search could not run", () => {
    const html = render({ outcome: { ok: false, message: "Search for at most 100 characters." } });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Search for at most 100 characters.");
  });

  it("keeps the text and filter in the form", () => {
    const html = render();
    expect(html).toContain('value="bak"');
    expect(html).toMatch(/<option value="admins" selected="">/);
  });
});
