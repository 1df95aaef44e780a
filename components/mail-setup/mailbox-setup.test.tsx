import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { MailboxSetupPage } from "@/lib/mail-setup/setup";
import { MailboxSetup } from "./mailbox-setup";

/** The setup page's content: what customers read never names the provider nor the panel's settings. */

const configured: MailboxSetupPage = {
  domain: "example.com",
  userName: "info",
  address: "info@example.com",
  displayName: null,
  settings: {
    configured: true,
    servers: {
      imap: { host: "imap.mail.example", port: 993, security: "SSL/TLS" },
      pop: null,
      smtp: { host: "smtp.mail.example", port: 465, security: "SSL/TLS" },
    },
    webmailUrl: "https://webmail.mail.example",
  },
  profile: {
    downloadPath: "/api/domains/example.com/mailboxes/info/profile",
    qrDataUrl: "data:image/svg+xml;base64,PHN2Zy8+",
    linkExpiresAt: "2026-12-01T10:30:00.000Z",
  },
};

const notConfigured: MailboxSetupPage = {
  ...configured,
  settings: { configured: false, webmailUrl: null, missing: ["MAIL_IMAP_HOST", "MAIL_SMTP_HOST"] },
  profile: null,
};

describe("MailboxSetup", () => {
  it("shows the profile's download, a described QR code, the servers, webmail and the send form", () => {
    const html = renderToStaticMarkup(
      <MailboxSetup setup={configured} audience="customer" backHref="/portal/domains/example.com" canSend />,
    );
    expect(html).toContain('href="/api/domains/example.com/mailboxes/info/profile"');
    expect(html).toMatch(/<img[^>]+alt="QR code that downloads the setup profile of info@example.com[^"]*"/);
    expect(html).toContain("imap.mail.example");
    expect(html).toContain("smtp.mail.example");
    expect(html).toContain('href="https://webmail.mail.example"');
    expect(html).toContain("Send setup instructions");
    expect(html).not.toMatch(/enom|MAIL_/i);
  });

  it("tells staff which variables to set, and customers only that the settings are not ready", () => {
    const staff = renderToStaticMarkup(
      <MailboxSetup setup={notConfigured} audience="staff" backHref="/domains/example.com" canSend />,
    );
    expect(staff).toContain("<code>MAIL_IMAP_HOST</code>");
    expect(staff).toContain("<code>MAIL_SMTP_HOST</code>");
    expect(staff).not.toContain("Download the profile");
    const customer = renderToStaticMarkup(
      <MailboxSetup
        setup={notConfigured}
        audience="customer"
        backHref="/portal/domains/example.com"
        canSend
      />,
    );
    expect(customer).toContain("not available yet");
    expect(customer).not.toMatch(/enom|MAIL_/i);
    expect(customer).not.toContain("Send setup instructions");
  });

  it("offers no send form to a viewer who may send nothing", () => {
    const html = renderToStaticMarkup(
      <MailboxSetup setup={configured} audience="staff" backHref="/domains/example.com" canSend={false} />,
    );
    expect(html).toContain("Your support role can look but not send anything.");
    expect(html).not.toContain('type="submit"');
  });
});
