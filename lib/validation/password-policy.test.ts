import { describe, expect, it } from "vitest";
import { panelPasswordSchema } from "./account";
import {
  assessPassword,
  checkPasswordAgainst,
  easyToGuessMessage,
  PANEL_PASSWORD_MAX,
  PANEL_PASSWORD_MIN,
  passwordRuleProblem,
  zxcvbnUserInputs,
} from "./password-policy";

const staff = ["ann.lee@example.com", "Ann Lee", "Acme Mail", "Acme Hosting Ltd"];

describe("the panel password policy", () => {
  it("keeps the length limits in one place, used by the schema", () => {
    expect(PANEL_PASSWORD_MIN).toBe(12);
    expect(PANEL_PASSWORD_MAX).toBe(128);
    expect(panelPasswordSchema.safeParse("a".repeat(11)).error?.issues[0]?.message).toBe(
      "Use at least 12 characters.",
    );
    expect(panelPasswordSchema.safeParse("a".repeat(129)).error?.issues[0]?.message).toBe(
      "Use at most 128 characters.",
    );
    expect(panelPasswordSchema.safeParse("a".repeat(12)).success).toBe(true);
  });

  it("refuses aaaaaaaaaa (too short) and a long run of one letter (easy to guess)", async () => {
    expect(await checkPasswordAgainst("aaaaaaaaaa", staff)).toBe("Use at least 12 characters.");
    const repeated = await checkPasswordAgainst("aaaaaaaaaaaaaaaa", staff);
    expect(repeated).toMatch(
      /^This password is easy to guess: repeated characters like "aaa" are easy to guess\./,
    );
  });

  it("refuses password123 and its longer cousins", async () => {
    expect(await checkPasswordAgainst("password123", [])).toBe("Use at least 12 characters.");
    const longer = await checkPasswordAgainst("password1234", []);
    expect(longer).toMatch(/^This password is easy to guess: /);
    expect(await checkPasswordAgainst("Password1234!", [])).toMatch(/^This password is easy to guess: /);
  });

  it("refuses a password containing the email address's local part, however it is written", async () => {
    expect(await checkPasswordAgainst("Ann.Lee-purple-tractor-93", staff)).toBe(
      "This password contains your email address (“ann.lee”); choose one without it.",
    );
    expect(await checkPasswordAgainst("xANNLEEx-purple-tractor", staff)).toContain("your email address");
  });

  it("refuses a password containing the product name", async () => {
    expect(await checkPasswordAgainst("acme-mail-velvet-otter-hinge", staff)).toBe(
      "This password contains “Acme Mail”; choose one without your name or the product's name.",
    );
    expect(await checkPasswordAgainst("mailpak-velvet-otter-hinge", ["Mailpak"])).toContain("“Mailpak”");
  });

  it("rates the person's details as guessable, even when not refused outright", async () => {
    // "Lee" is too short to refuse as a part, but zxcvbn still counts it as known about the person.
    expect(zxcvbnUserInputs(staff)).toEqual(
      expect.arrayContaining(["ann.lee", "annlee", "ann", "lee", "mailpak"]),
    );
    const assessment = await assessPassword("leeleeleeannann", staff);
    expect(assessment.accepted).toBe(false);
  });

  it("accepts a passphrase of unrelated words", async () => {
    expect(await checkPasswordAgainst("velvet otter hinge marmalade", staff)).toBeNull();
    const assessment = await assessPassword("velvet otter hinge marmalade", staff);
    expect(assessment).toMatchObject({ accepted: true, problem: null });
    expect(assessment.score).toBeGreaterThanOrEqual(3);
  });

  it("does not refuse a word that merely contains a short detail", async () => {
    // A word that merely contains a short string stays usable ("phenomenal");
    // a detail under four characters ("Al") is not refused either.
    expect(passwordRuleProblem("phenomenal-quartz-lantern", [...staff, "Al"])).toBeNull();
    expect(await checkPasswordAgainst("phenomenal-quartz-lantern", [...staff, "Al"])).toBeNull();
  });

  it("writes the refusal from zxcvbn's feedback, with advice when it has none", () => {
    expect(
      easyToGuessMessage("This is a commonly used password.", ["Add more words that are less common."]),
    ).toBe(
      "This password is easy to guess: this is a commonly used password. Add more words that are less common.",
    );
    expect(easyToGuessMessage(null, [])).toBe(
      "This password is easy to guess: it is short or made of common patterns. Add another word or two; uncommon words are better.",
    );
  });

  it("does not estimate an over-long password", async () => {
    const assessment = await assessPassword("x".repeat(PANEL_PASSWORD_MAX + 1), []);
    expect(assessment).toMatchObject({ accepted: false, problem: "Use at most 128 characters." });
  });
});
