import { describe, expect, it, vi } from "vitest";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { linkIn, readCapturedMail } from "@/lib/mail/captured";
import { createTestUser } from "@/test/fixtures";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-links-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  process.env.PUBLIC_URL = "https://mail.example.com";
  return directory;
});

// An anonymous request that names another site in every header a link could be built from.
vi.mock("next/headers", async () => {
  const { cookies } = await import("@/test/next-headers-mock");
  const forged = new Headers({
    host: "evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "user-agent": "attacker",
  });
  return { headers: async () => forged, cookies };
});

describe("links in emails", () => {
  it("a reset requested with Host: evil.example still links to PUBLIC_URL", async () => {
    const admin = await createTestUser({ email: `admin-${Date.now()}@example.com`, role: "admin" });
    const before = (await readCapturedMail(mailDir)).length;
    expect((await requestPasswordResetAction({ email: admin.email })).ok).toBe(true);
    const mails = (await readCapturedMail(mailDir)).slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    const link = mail ? linkIn(mail, "/reset-password/") : null;
    expect(link).toMatch(/^https:\/\/mail\.example\.com\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(`${mail?.text}${mail?.html}`).not.toContain("evil.example");
  });
});
