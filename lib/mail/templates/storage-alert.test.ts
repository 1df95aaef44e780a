import { describe, expect, it } from "vitest";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { storageAlertEmail, type StorageAlertEmail } from "./storage-alert";

const branding = { ...DEFAULT_BRANDING, productName: "Acme Mail", supportEmail: "help@acme.example" };
const alert: StorageAlertEmail = {
  domain: "bakery.test",
  mailboxes: [
    { address: "bread@bakery.test", quotaUsedMb: 993, quotaMb: 1024, percent: 96 },
    { address: "cakes@bakery.test", quotaUsedMb: 4700, quotaMb: 5120, percent: 91 },
  ],
  portalUrl: "https://panel.example/portal/domains/bakery.test",
  addStorageUrl: "https://panel.example/portal/purchase?domain=bakery.test&pak=7&grow=storage",
  thresholdPercent: 90,
};

describe("the storage alert email", () => {
  it("lists each mailbox with its usage, links the domain in the portal and adding storage", () => {
    const mail = storageAlertEmail(branding, alert);
    expect(mail.subject).toBe("bakery.test: 2 mailboxes are nearly full");
    expect(mail.text).toContain("These mailboxes use 90 % or more of their storage.");
    expect(mail.text).toContain("bread@bakery.test: 993 MB of 1 GB used (96 %)");
    expect(mail.text).toContain("cakes@bakery.test: 4.6 GB of 5 GB used (91 %)");
    expect(mail.text).toContain(`or add storage: ${alert.addStorageUrl}`);
    expect(mail.text).toContain(`Open bakery.test in your email portal: ${alert.portalUrl}`);
    expect(mail.html).toContain(`href="${alert.portalUrl}"`);
    expect(mail.html).toContain("bread@bakery.test: 993 MB of 1 GB used (96 %)");
  });

  it("names one mailbox in the subject, and says whom to ask when the customer may not buy", () => {
    const [first] = alert.mailboxes;
    if (!first) throw new Error("no mailbox");
    const mail = storageAlertEmail(branding, { ...alert, mailboxes: [first], addStorageUrl: null });
    expect(mail.subject).toBe("bakery.test: bread@bakery.test is 96 % full");
    expect(mail.text).toContain("This mailbox uses 90 % or more of its storage.");
    expect(mail.text).toContain("or ask help@acme.example for more storage.");
    expect(mail.text).not.toContain("/purchase");
  });

  it("is in the reseller's brand, never the provider's nor the panel's name", () => {
    const mail = storageAlertEmail(branding, alert);
    expect(mail.text).toContain("Acme Mail");
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/enom|mailpak|password/i);
  });
});
