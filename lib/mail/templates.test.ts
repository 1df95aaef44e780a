import { describe, expect, it } from "vitest";
import { DEFAULT_BRANDING, type Branding } from "@/lib/branding/branding";
import { contrastRatio } from "@/lib/branding/contrast";
import { invitationEmail } from "./templates/invitation";
import { existingAccountInvitationEmail } from "./templates/invitation-existing-account";
import { passwordResetEmail } from "./templates/password-reset";
import { renewalReminderEmail } from "./templates/renewal-reminder";

const branding: Branding = {
  ...DEFAULT_BRANDING,
  productName: "Acme <Mail>",
  accentColor: "#ffcc00",
  supportEmail: "help@acme.example",
  supportUrl: "https://acme.example/help",
  footerText: "Acme Hosting, 1 Main St",
};

const reminder = {
  domain: "northwind.example",
  mailboxCount: 10,
  expires: { iso: "2026-12-24" },
  daysLeft: 30,
  portalUrl: "https://portal.acme.example/portal/domains/northwind.example",
};

function everyPart(mail: { subject: string; text: string; html: string }): string {
  return `${mail.subject}\n${mail.text}\n${mail.html}`;
}

describe("the emails' frame", () => {
  it("carries the reseller's brand and support, and never the upstream's name", () => {
    const mails = [
      invitationEmail(branding, {
        inviteeName: "Bo",
        inviterName: "Nancy",
        customerName: "Northwind",
        acceptUrl: "https://portal.acme.example/invite/TOKEN",
        expiresAt: new Date("2026-12-01T10:30:00Z"),
      }),
      existingAccountInvitationEmail(branding, {
        inviteeName: "Bo",
        inviterName: "Nancy",
        customerName: "Northwind",
        signInUrl: "https://portal.acme.example/sign-in",
      }),
      passwordResetEmail(branding, {
        name: "Bo",
        resetUrl: "https://portal.acme.example/reset-password/TOKEN",
        expiresAt: new Date("2026-12-01T10:30:00Z"),
      }),
      renewalReminderEmail(branding, { ...reminder, autoRenew: true }),
      renewalReminderEmail(branding, { ...reminder, autoRenew: false }),
    ];
    for (const mail of mails) {
      expect(everyPart(mail)).not.toMatch(/enom|mailpak/i);
      expect(mail.text).toContain("Acme <Mail>");
      expect(mail.text).toContain("Need help? Email help@acme.example or visit https://acme.example/help.");
      expect(mail.text).toContain("Acme Hosting, 1 Main St");
      // Text is escaped in the HTML part; the page has a language and one heading.
      expect(mail.html).toContain("Acme &lt;Mail&gt;");
      expect(mail.html).not.toContain("Acme <Mail>");
      expect(mail.html).toContain('<html lang="en">');
      expect(mail.html.match(/<h1/g)).toHaveLength(1);
    }
  });

  it("puts the link in the text part and under the button, and writes a readable button on a light accent", () => {
    const mail = invitationEmail(branding, {
      inviteeName: "",
      inviterName: "Nancy Davolio",
      customerName: "Northwind",
      acceptUrl: "https://portal.acme.example/invite/abc_DEF-123",
      expiresAt: new Date("2026-12-01T10:30:00Z"),
    });
    expect(mail.subject).toBe("Nancy Davolio invited you to Northwind on Acme <Mail>");
    expect(mail.text).toContain("Accept the invitation: https://portal.acme.example/invite/abc_DEF-123");
    expect(mail.text).toContain("until Dec 1, 2026, 10:30 AM UTC");
    expect(mail.html.match(/href="https:\/\/portal\.acme\.example\/invite\/abc_DEF-123"/g)).toHaveLength(2);
    // #ffcc00 is too light for white text or for links on white: the readable shade is used.
    const [, background = "", text = ""] =
      /background:(#[0-9a-f]{6});color:(#[0-9a-f]{6});text-decoration:none/.exec(mail.html) ?? [];
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(background, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("the renewal reminder", () => {
  it("says the pak renews by itself when auto-renew is on", () => {
    const mail = renewalReminderEmail(branding, { ...reminder, autoRenew: true });
    expect(mail.subject).toBe("northwind.example: email renews automatically on Dec 24, 2026");
    expect(mail.text).toContain("It will renew automatically on Dec 24, 2026");
    expect(mail.text).toContain("(10 mailboxes) expires in 30 days");
    expect(mail.text).not.toContain("Renew before");
  });

  it("asks to renew in time, or to ask support, when auto-renew is off", () => {
    const mail = renewalReminderEmail(branding, { ...reminder, daysLeft: 1, autoRenew: false });
    expect(mail.subject).toBe("northwind.example: email expires on Dec 24, 2026; renew before then");
    expect(mail.text).toContain("expires tomorrow, on Dec 24, 2026, and will not renew automatically");
    expect(mail.text).toContain("Renew before Dec 24, 2026, or ask help@acme.example.");
    const withoutSupport = renewalReminderEmail(
      { ...branding, supportEmail: "" },
      { ...reminder, autoRenew: false },
    );
    expect(withoutSupport.text).toContain("Renew before Dec 24, 2026, or ask your provider.");
  });
});
