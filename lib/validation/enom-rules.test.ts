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

describe("mailbox passwords", () => {
  it("accepts eNom's own example passwords under eNom's rules", () => {
    expect(passwordProblem("Abcdefg1")).toBeNull();
    expect(passwordProblem("resellpw", { strict: false })).toBeNull();
  });
  it("asks for mixed case and a digit in Mailpak's own forms", () => {
    expect(passwordProblem("resellpw")).toBe("Add an upper-case letter.");
    expect(passwordProblem("RESELLPW1")).toBe("Add a lower-case letter.");
    expect(passwordProblem("Resellpw")).toBe("Add a digit.");
  });
  it("enforces length, character set and difference from the name", () => {
    expect(passwordProblem("Ab1")).toContain("6 to 30");
    expect(passwordProblem("A1" + "b".repeat(29))).toContain("6 to 30");
    expect(passwordProblem("Abcdef1!")).toBe("A password may use only letters and digits.");
    expect(passwordProblem("James12", { userName: "JAMES12" })).toBe(
      "A password cannot be the mailbox name.",
    );
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
