import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EnomAccessBanner } from "./enom-access-banner";

const render = (problem: Parameters<typeof EnomAccessBanner>[0]["problem"]) =>
  renderToStaticMarkup(createElement(EnomAccessBanner, { problem }));

describe("the staff banner for eNom refusing Mailpak", () => {
  it("says what to fix for a bad login", () => {
    const html = render({ code: "bad-login", ip: null });
    expect(html).toContain(
      "eNom refused Mailpak&#x27;s login: check ENOM_UID and ENOM_PW (or the API token)",
    );
    expect(html).toContain('role="alert"');
  });

  it("names the server's IP address eNom refused", () => {
    expect(render({ code: "ip-not-allowed", ip: "203.0.113.9" })).toContain(
      "eNom does not accept calls from this server&#x27;s IP address 203.0.113.9: allow it in eNom&#x27;s API settings",
    );
  });

  it("shows nothing when eNom accepts Mailpak", () => {
    expect(render(null)).toBe("");
  });
});
