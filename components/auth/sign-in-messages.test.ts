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
  ])("%s goes to %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
