import { describe, expect, it } from "vitest";
import { describeMirrorSync } from "./status";

describe("describeMirrorSync", () => {
  it("says how far the first read of the account is, in the page's words for the provider", () => {
    expect(describeMirrorSync({ state: "syncing", read: 120, total: 4000 }, "eNom")).toBe(
      "Reading your account from eNom… (120 of 4,000 domains)",
    );
    expect(describeMirrorSync({ state: "syncing", read: null, total: null }, "the email service")).toBe(
      "Reading your account from the email service…",
    );
    expect(describeMirrorSync({ state: "failed", error: "It is not answering." }, "eNom")).toBe(
      "Your account could not be read from eNom yet: It is not answering.",
    );
  });

  it("says nothing once the account has been read", () => {
    expect(describeMirrorSync({ state: "synced", syncedAt: "2026-01-01T00:00:00Z" }, "eNom")).toBeNull();
  });
});
