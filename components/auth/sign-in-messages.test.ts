import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInMessage } from "./sign-in-messages";

describe("sign-in messages", () => {
  it("never says whether the email exists", () => {
    expect(signInMessage("invalid")).toBe("The email or password is incorrect.");
    expect(signInMessage("CredentialsSignin")).toBe(signInMessage("invalid"));
  });
  it("tells how long to wait", () => {
    expect(signInMessage("locked:15")).toContain("try again in 15 minutes");
    expect(signInMessage("rate-limited:1")).toContain("Try again in 1 minute.");
  });
  it("has a plain fallback", () => {
    expect(signInMessage("something-new")).toContain("not available right now");
  });
});

describe("the page after sign-in", () => {
  it.each([
    ["/domains", "/domains"],
    ["/domains/example.com?tab=paks", "/domains/example.com?tab=paks"],
    [null, "/"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/sign-in", "/"],
    ["/sign-in?callbackUrl=//evil.example", "/"],
    // Browsers drop tab, CR and LF from a URL: "/\t/evil.example" is "//evil.example" to them.
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["/%09/evil.example", "/"],
    ["/%0A/evil.example", "/"],
    ["/%0D/evil.example", "/"],
    ["/%5Cevil.example", "/"],
    ["/.//evil.example", "/"],
    ["/%", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
  ])("%j goes to %s", (input, expected) => {
    expect(safeCallbackPath(input, "https://mail.example.com")).toBe(expected);
  });

  it("keeps a path that resolves on the panel, as the panel's own path", () => {
    expect(safeCallbackPath("/domains/../expirations?days=30#due", "https://mail.example.com")).toBe(
      "/expirations?days=30#due",
    );
  });
});
