import { describe, expect, it } from "vitest";
import { DEFAULT_BRANDING, type Branding } from "@/lib/branding/branding";
import type { MailServers } from "@/lib/mail-setup/model";
import { mailSetupEmail, type MailSetupEmail } from "./mail-setup";

const branding: Branding = {
  ...DEFAULT_BRANDING,
  productName: "Acme <Mail>",
  supportEmail: "help@acme.example",
  footerText: "Acme Hosting, 1 Main St",
};

const servers: MailServers = {
  imap: { host: "imap.mail.example", port: 993, security: "SSL/TLS" },
  pop: { host: "pop.mail.example", port: 995, security: "SSL/TLS" },
  smtp: { host: "smtp.mail.example", port: 587, security: "STARTTLS" },
};

const setup: MailSetupEmail = {
  address: "info@northwind.example",
  servers,
  webmailUrl: "https://webmail.mail.example/?a=1&b=2",
  profileUrl: "https://portal.acme.example/api/mail-setup/profile/v1.TOKEN.1.MAC",
  profileExpiresAt: new Date("2026-12-01T10:30:00Z"),
};

describe("the setup instructions email", () => {
  it("is in the reseller's brand and names the servers, the profile link and webmail", () => {
    const mail = mailSetupEmail(branding, setup);
    expect(mail.subject).toBe("Set up info@northwind.example on your phone and computer");
    expect(mail.text).toContain("Acme <Mail>");
    expect(mail.text).toContain("Need help? Email help@acme.example.");
    expect(mail.text).toContain("Incoming mail (IMAP, recommended): imap.mail.example, port 993, SSL/TLS.");
    expect(mail.text).toContain(
      "Incoming mail (POP3, keeps mail on one device only): pop.mail.example, port 995, SSL/TLS.",
    );
    expect(mail.text).toContain("Outgoing mail (SMTP): smtp.mail.example, port 587, STARTTLS.");
    expect(mail.text).toContain(`Set up on iPhone, iPad or Mac: ${setup.profileUrl}`);
    expect(mail.text).toContain("The link works until Dec 1, 2026, 10:30 AM UTC.");
    expect(mail.text).toContain("open webmail: https://webmail.mail.example/?a=1&b=2");
    expect(mail.text).toContain("user name is your full email address, info@northwind.example");
    // Escaped in the HTML part.
    expect(mail.html).toContain("Acme &lt;Mail&gt;");
    expect(mail.html).toContain("https://webmail.mail.example/?a=1&amp;b=2");
    expect(mail.html).toContain(`href="${setup.profileUrl}"`);
  });

  it("never holds a password nor names the upstream provider", () => {
    const mail = mailSetupEmail(branding, setup);
    const everything = `${mail.subject}\n${mail.text}\n${mail.html}`;
    expect(everything).not.toMatch(/enom|mailpak/i);
    // It says there is no password, and where to get one; it gives none.
    expect(mail.text).toContain("this email holds no password");
    expect(everything).not.toMatch(/password\s*[:=]\s*\S/i);
  });

  it("leaves out POP and webmail when the installation has neither", () => {
    const mail = mailSetupEmail(branding, { ...setup, servers: { ...servers, pop: null }, webmailUrl: null });
    expect(mail.text).not.toContain("POP3");
    expect(mail.text).not.toContain("webmail");
  });
});
