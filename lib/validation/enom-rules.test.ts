import { describe, expect, it } from "vitest";
import { EMAIL_ADDRESS_PATTERN, END_USER_IP_PATTERN, passwordProblem, userNameProblem } from "./enom-rules";

describe("mailbox names", () => {
  it.each(["james", "UserOne", "j.doe", "sales-team", "a", "a_b", "x".repeat(30)])("accepts %s", (name) => {
    expect(userNameProblem(name)).toBeNull();
  });
  it.each([
    ["", "Enter a mailbox name."],
    ["x".repeat(31), "A mailbox name has at most 30 characters."],
    [".james", "Use letters"],
    ["james.", "Use letters"],
    ["ja mes", "Use letters"],
    ["jämes", "Use letters"],
    ["j..doe", "two dots"],
    ["james@example.com", "Use letters"],
  ])("refuses %j", (name, message) => {
    expect(userNameProblem(name)).toContain(message);
  });
});

describe("mailbox passwords (eNom's rule since 23 November 2018)", () => {
  it("accepts 10 to 20 characters with an upper-case letter, a number and a symbol", () => {
    expect(passwordProblem("Harbour-Light7")).toBeNull();
    expect(passwordProblem("Aa1*bcdefg")).toBeNull();
    expect(passwordProblem("Z9/" + "q".repeat(17))).toBeNull();
  });
  it("refuses what eNom refuses, one reason at a time", () => {
    expect(passwordProblem("Ab1-xyz")).toBe("A password has 10 to 20 characters.");
    expect(passwordProblem("Ab1-" + "x".repeat(17))).toBe("A password has 10 to 20 characters.");
    expect(passwordProblem("harbour-light7")).toBe("Add an upper-case letter.");
    expect(passwordProblem("Harbour-Light")).toBe("Add a number.");
    expect(passwordProblem("HarbourLight7")).toBe("Add a symbol (one of * @ - _ / .).");
    expect(passwordProblem("Harbour Light-7")).toContain("only letters, digits and the symbols");
    expect(passwordProblem("Harbour!Light7")).toContain("only letters, digits and the symbols");
  });
  it("refuses a password containing the mailbox name or the domain (eNom error 48)", () => {
    expect(passwordProblem("xJames-2024x", { userName: "james" })).toBe(
      "A password cannot contain the mailbox name.",
    );
    expect(passwordProblem("Acme.com-2024", { domain: "acme.com" })).toBe(
      "A password cannot contain the domain name.",
    );
    expect(passwordProblem("myACME-2024x", { domain: "acme.com" })).toBe(
      "A password cannot contain the domain name.",
    );
    expect(passwordProblem("Harbour-Light7", { userName: "sales", domain: "acme.com" })).toBeNull();
  });
  it("replays the 2014 seeds' passwords only under the legacy switch", () => {
    expect(passwordProblem("Abcdefg1", { legacy: true })).toBeNull();
    expect(passwordProblem("resellpw", { legacy: true })).toBeNull();
    expect(passwordProblem("Abcdefg1")).not.toBeNull();
  });
});

describe("addresses", () => {
  it("recognises outside addresses and end-user IPs", () => {
    expect(EMAIL_ADDRESS_PATTERN.test("someone@example.org")).toBe(true);
    expect(EMAIL_ADDRESS_PATTERN.test("someone@localhost")).toBe(false);
    expect(EMAIL_ADDRESS_PATTERN.test("a b@example.org")).toBe(false);
    expect(END_USER_IP_PATTERN.test("192.168.0.1")).toBe(true);
    expect(END_USER_IP_PATTERN.test("256.1.1.1")).toBe(false);
  });
});
