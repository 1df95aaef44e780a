import { describe, expect, it } from "vitest";
import {
  PREVIEW_GRANT_SECONDS,
  previewGrantPath,
  signPreviewGrant,
  verifyPreviewGrant,
} from "./preview-grant";

const subject = {
  staffId: "6f1c2b9e-0d4a-4c1e-9a57-1b2c3d4e5f60",
  customerId: "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
};
const at = new Date("2025-03-01T12:00:00Z");
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("the portal preview grant", () => {
  it("is valid for its staff member and customer until 30 minutes after it was given", () => {
    const { token, expiresAt } = signPreviewGrant(subject, at);
    expect(expiresAt.toISOString()).toBe("2025-03-01T12:30:00.000Z");
    expect(verifyPreviewGrant(token, subject, at)).toBe(true);
    expect(verifyPreviewGrant(token, subject, later(PREVIEW_GRANT_SECONDS - 1))).toBe(true);
    expect(verifyPreviewGrant(token, subject, later(PREVIEW_GRANT_SECONDS))).toBe(false);
    expect(verifyPreviewGrant(token, subject, later(PREVIEW_GRANT_SECONDS + 3600))).toBe(false);
  });

  it("does not open another customer's preview, nor serve another staff member", () => {
    const { token } = signPreviewGrant(subject, at);
    expect(
      verifyPreviewGrant(token, { ...subject, customerId: "11111111-2222-4333-8444-555555555555" }, at),
    ).toBe(false);
    expect(
      verifyPreviewGrant(token, { ...subject, staffId: "11111111-2222-4333-8444-555555555555" }, at),
    ).toBe(false);
  });

  it("refuses a grant signed with another secret, or with any part changed", () => {
    const forged = signPreviewGrant(subject, at, "another-secret-another-secret-another-1");
    expect(verifyPreviewGrant(forged.token, subject, at)).toBe(false);

    const { token } = signPreviewGrant(subject, at);
    const parts = token.split(".");
    // A longer life, with the signature of the original.
    const extended = [parts[0], parts[1], parts[2], String(Number(parts[3]) + 86_400), parts[4]].join(".");
    expect(verifyPreviewGrant(extended, subject, at)).toBe(false);
    // Someone else's grant relabelled for this customer.
    const relabelled = [parts[0], parts[1], "11111111-2222-4333-8444-555555555555", parts[3], parts[4]].join(
      ".",
    );
    expect(
      verifyPreviewGrant(relabelled, { ...subject, customerId: "11111111-2222-4333-8444-555555555555" }, at),
    ).toBe(false);
  });

  it("treats an absent or malformed grant as none", () => {
    for (const token of [
      undefined,
      "",
      "v1",
      "v1.a.b.c",
      "v2.a.b.1.sig",
      `${subject.staffId}.x.y.z.w.v`,
      "v1.a.b.-5.c",
    ]) {
      expect(verifyPreviewGrant(token, subject, at), String(token)).toBe(false);
    }
  });

  it("is scoped to the customer's preview pages", () => {
    expect(previewGrantPath(subject.customerId)).toBe(`/customers/${subject.customerId}/preview`);
  });
});
