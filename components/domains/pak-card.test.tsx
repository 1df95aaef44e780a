import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { DomainCapabilities, PakView } from "@/lib/domains/types";
import { PakCard } from "./pak-card";

vi.mock("@/lib/actions/paks", () => ({ setPakNicknameAction: vi.fn(), setPakAutoRenewAction: vi.fn() }));

const pak: PakView = {
  bundleId: 600070,
  capacityGb: 5,
  quotaMb: 5120,
  purchased: 10,
  available: 4,
  used: 6,
  expires: "2027-03-03",
  autoRenew: true,
  prodType: 38,
  nickname: "Sales team",
};

const staff: DomainCapabilities = {
  createMailboxes: true,
  manageMailboxes: true,
  toggleAutoRenew: true,
  purchase: true,
  renew: true,
  deletePaks: true,
  basePath: "",
  serviceName: "eNom",
};

const portal: DomainCapabilities = {
  ...staff,
  deletePaks: false,
  basePath: "/portal",
  serviceName: "the email service",
};

function render(capabilities: DomainCapabilities, shown: PakView = pak): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <PakCard
        domain="example.com"
        pak={shown}
        today={new Date("2026-12-07T00:00:00Z")}
        capabilities={capabilities}
        onDelete={() => undefined}
      />
    </QueryClientProvider>,
  );
}

/** What a person reads or hears: the text and every attribute but link targets. */
const readable = (html: string) => html.replace(/\shref="[^"]*"/g, "");

describe("PakCard's name of the pak", () => {
  it("keeps eNom's number for staff, with the nickname beside it and a Rename button", () => {
    const html = render(staff);
    expect(html).toMatch(/<h3[^>]*><span>Pak 600070<\/span>/);
    expect(html).toContain("Sales team");
    expect(html).toContain('aria-label="Rename pak 600070"');
    expect(html).toContain('aria-label="Renew pak 600070"');
  });

  it("offers no Rename to staff who may not buy (support)", () => {
    expect(render({ ...staff, purchase: false, renew: false, deletePaks: false })).not.toContain("Rename");
  });

  it("names the pak by what it is in the portal, and never shows its BundleID there", () => {
    const html = render(portal);
    expect(html).toContain("Sales team — Business email · 10 mailboxes · 5 GB each, renews 3 Mar 2027</h3>");
    expect(readable(html)).not.toContain("600070");
    expect(html).not.toContain("Rename");
    expect(html).toContain('aria-label="Renew Sales team — Business email');
  });

  it("says 'ends' in the portal when auto-renew is off, and 'expired' once past", () => {
    expect(render(portal, { ...pak, nickname: null, autoRenew: false })).toContain(
      "Business email · 10 mailboxes · 5 GB each, ends 3 Mar 2027</h3>",
    );
    expect(render(portal, { ...pak, nickname: null, expires: "2026-01-02" })).toContain(
      "Business email · 10 mailboxes · 5 GB each, expired 2 Jan 2026</h3>",
    );
  });
});
