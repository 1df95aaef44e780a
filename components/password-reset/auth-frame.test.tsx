import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { AuthFrame } from "./auth-frame";

const render = (branding: typeof DEFAULT_BRANDING, branded: boolean) =>
  renderToStaticMarkup(
    <AuthFrame brand={{ branding, branded }} title="Sign in" description="Manage the email of your domains.">
      <p>form</p>
    </AuthFrame>,
  );

describe("AuthFrame", () => {
  it("wears the reseller's brand once one is saved: name, accent colour, never the panel's name", () => {
    const html = render({ ...DEFAULT_BRANDING, productName: "Harbour Mail", accentColor: "#0f766e" }, true);
    expect(html).toContain("Harbour Mail");
    expect(html).toContain("data-brand-root");
    expect(html).toContain("--color-accent:#0f766e");
    expect(html).not.toMatch(/mailpak|favicon\.svg/i);
    expect(html).toContain("<h1");
  });

  it("shows the brand's logo, named by the product, when one is uploaded", () => {
    const html = render(
      {
        ...DEFAULT_BRANDING,
        productName: "Harbour Mail",
        logo: { contentType: "image/png", version: "abc123" },
      },
      true,
    );
    expect(html).toContain('src="/api/branding/logo?v=abc123"');
    expect(html).toContain('alt="Harbour Mail"');
  });

  it("keeps the panel's own name and look until a brand is saved", () => {
    const html = render({ ...DEFAULT_BRANDING, productName: "Mailpak" }, false);
    expect(html).toContain("Mailpak");
    expect(html).toContain("/favicon.svg");
    expect(html).not.toContain("data-brand-root");
  });
});
