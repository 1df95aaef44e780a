import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ApiKeyView } from "@/lib/api/key-model";
import { SCOPE_DESCRIPTIONS, scopesForCustomer } from "@/lib/api/scopes";
import { ApiKeyList } from "./api-key-list";
import { CreatedToken } from "./created-token";
import { CreateApiKeyForm } from "./create-api-key-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), replace: vi.fn() }) }));
vi.mock("@/lib/actions/api-keys", () => ({
  createApiKeyAction: vi.fn(),
  createPortalApiKeyAction: vi.fn(),
  revokeApiKeyAction: vi.fn(),
  revokePortalApiKeyAction: vi.fn(),
}));

const key: ApiKeyView = {
  id: "0b5c3c8e-8a43-4a3b-9f35-0f1b1c7c9a11",
  name: "WHMCS",
  prefix: "abcdefghij12",
  scopes: ["read", "purchases"],
  customerId: "6c9f1c1e-0000-4000-8000-000000000001",
  customerName: "Northwind Traders",
  createdById: null,
  createdByEmail: "ada@reseller.example",
  createdAt: "2026-12-01T10:00:00.000Z",
  expiresAt: null,
  allowedIps: ["203.0.113.0/24"],
  lastUsedAt: "2026-12-02T11:30:00.000Z",
  lastUsedIp: "203.0.113.9",
  revokedAt: null,
  revokedByEmail: null,
  status: "active",
};

describe("the API key screens", () => {
  it("list a key by its prefix, scopes, customer, last use and status, never a token", () => {
    const html = renderToStaticMarkup(<ApiKeyList keys={[key]} audience="staff" />);
    expect(html).toContain("mpk_abcdefghij12_…");
    expect(html).toContain("Read, Purchases");
    expect(html).toContain("Northwind Traders");
    expect(html).toContain("2026-12-02 11:30 UTC");
    expect(html).toContain("from 203.0.113.9");
    expect(html).toContain("Active");
    expect(html).toContain("Revoke");
    const portal = renderToStaticMarkup(
      <ApiKeyList keys={[{ ...key, status: "revoked", revokedAt: key.lastUsedAt }]} audience="customer" />,
    );
    expect(portal).not.toContain("Northwind Traders");
    expect(portal).toContain("Revoked");
    expect(portal).not.toContain(">Revoke<");
  });

  it("offer the portal only the customer's scopes, in words that never name the upstream provider", () => {
    const scopes = scopesForCustomer({
      canCreateMailboxes: true,
      canManageMailboxes: false,
      canToggleAutoRenew: false,
      canPurchase: true,
      canRenew: false,
    }).map((scope) => ({
      scope,
      label: SCOPE_DESCRIPTIONS[scope].label,
      description: SCOPE_DESCRIPTIONS[scope].customer,
    }));
    const html = renderToStaticMarkup(<CreateApiKeyForm audience="customer" scopes={scopes} />);
    expect(html).toContain('value="mailboxes"');
    expect(html).toContain('value="purchases"');
    expect(html).not.toContain('value="aliases"');
    expect(html).not.toContain("Limit to a customer");
    expect(html).not.toMatch(/enom/i);
  });

  it("let an admin limit a key to a customer, with every scope described", () => {
    const scopes = (["read", "customers", "audit"] as const).map((scope) => ({
      scope,
      label: SCOPE_DESCRIPTIONS[scope].label,
      description: SCOPE_DESCRIPTIONS[scope].staff,
    }));
    const html = renderToStaticMarkup(
      <CreateApiKeyForm
        audience="staff"
        scopes={scopes}
        customers={[{ id: key.customerId ?? "", name: "Contoso" }]}
      />,
    );
    expect(html).toContain("Limit to a customer (optional)");
    expect(html).toContain(">Contoso</option>");
    expect(html).toContain('value="customers"');
    expect(html).toContain(SCOPE_DESCRIPTIONS.audit.staff);
  });

  it("show a new token once, saying it will not be shown again", () => {
    const html = renderToStaticMarkup(<CreatedToken name="WHMCS" token="mpk_abc_secret" onDone={() => {}} />);
    expect(html).toContain('value="mpk_abc_secret"');
    expect(html).toContain("you will not see it again");
  });
});
