import { describe, expect, it } from "vitest";
import { PROFILE_LINK_DAYS, profileLinkPath, signProfileLink, verifyProfileLink } from "./profile-link";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = new Date("2026-03-01T10:00:00Z");

describe("signed profile links", () => {
  it("give back the address they were signed for until they expire", () => {
    const { token, expiresAt } = signProfileLink("Info@Example.com", now, secret);
    expect(expiresAt.getTime() - now.getTime()).toBe(PROFILE_LINK_DAYS * 86_400_000);
    expect(verifyProfileLink(token, now, secret)).toBe("info@example.com");
    expect(verifyProfileLink(token, new Date(expiresAt.getTime() - 1000), secret)).toBe("info@example.com");
    expect(verifyProfileLink(token, expiresAt, secret)).toBeNull();
    expect(profileLinkPath(token)).toBe(`/api/mail-setup/profile/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("refuse a forged, altered or foreign link", () => {
    const { token } = signProfileLink("info@example.com", now, secret);
    const [version, , expires, mac] = token.split(".");
    const otherAddress = Buffer.from("ceo@example.com").toString("base64url");
    expect(verifyProfileLink([version, otherAddress, expires, mac].join("."), now, secret)).toBeNull();
    expect(
      verifyProfileLink([version, token.split(".")[1], "9999999999", mac].join("."), now, secret),
    ).toBeNull();
    expect(verifyProfileLink(token, now, `${secret}-other`)).toBeNull();
    expect(verifyProfileLink(`${token}x`, now, secret)).toBeNull();
    for (const junk of ["", "v1", "v1...", "v2.a.1.b", "x".repeat(700)])
      expect(verifyProfileLink(junk, now, secret)).toBeNull();
  });
});
