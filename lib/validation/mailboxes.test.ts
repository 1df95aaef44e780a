import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./enom-rules";
import {
  bundleIdSchema,
  createMailboxesSchema,
  deleteBlocker,
  deleteMailboxesSchema,
  generateMailboxPassword,
  isNearlyFull,
  MAILBOXES_PER_ACTION_MAX,
  newMailboxOnDomainSchema,
  passwordResetOnDomainSchema,
  passwordRuleChecks,
  removeMailboxForwardingSchema,
  resetMailboxPasswordsSchema,
  setMailboxAdminSchema,
  setMailboxForwardingSchema,
} from "./mailboxes";

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
  );
}

const good = { userName: "info", password: "Harbor-7Lantern", displayName: "Front desk", isAdmin: false };

describe("creating mailboxes", () => {
  it("accepts a list of new mailboxes and fills the optional fields", () => {
    const parsed = createMailboxesSchema.parse({
      domain: " Example.COM ",
      bundleId: "600002",
      mailboxes: [{ userName: " sales ", password: "Quiet/River42" }, good],
    });
    expect(parsed).toEqual({
      domain: "example.com",
      bundleId: 600002,
      mailboxes: [{ userName: "sales", password: "Quiet/River42", displayName: "", isAdmin: false }, good],
    });
  });

  it("checks every row with eNom's current password rule, against its name and the domain", () => {
    const result = createMailboxesSchema.safeParse({
      domain: "harbor.com",
      bundleId: 1,
      mailboxes: [
        { ...good, userName: "-bad", password: "Quiet/River42" },
        { ...good, userName: "weak", password: "alllowercase1-" },
        { ...good, userName: "short", password: "Ab1-" },
        { ...good, userName: "nosymbol", password: "Abcdefgh12" },
        { ...good, userName: "space", password: "Abc def-12" },
        { ...good, userName: "anna", password: "Hello-Anna-12" },
        { ...good, userName: "sky", password: "Harbor-7Lantern" },
        { ...good, userName: "ctrl", password: "Quiet/River42", displayName: "Line\nbreak" },
      ],
    });
    expect(issuesOf(result)).toEqual({
      "mailboxes.0.userName":
        "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.",
      "mailboxes.1.password": "Add an upper-case letter.",
      "mailboxes.2.password": "A password has 10 to 20 characters.",
      "mailboxes.3.password": "Add a symbol (one of * @ - _ / .).",
      "mailboxes.4.password": "A password may use only letters, digits and the symbols * @ - _ / .",
      "mailboxes.5.password": "A password cannot contain the mailbox name.",
      "mailboxes.6.password": "A password cannot contain the domain name.",
      "mailboxes.7.displayName": "A display name cannot contain line breaks or control characters.",
    });
  });

  it("refuses the same name twice, in any casing", () => {
    const result = createMailboxesSchema.safeParse({
      domain: "example.com",
      bundleId: 1,
      mailboxes: [good, { ...good, userName: "INFO" }],
    });
    expect(issuesOf(result)).toEqual({ "mailboxes.1.userName": "This mailbox is listed twice." });
  });

  it("needs a pak and at least one mailbox, and at most the largest pak", () => {
    expect(
      issuesOf(createMailboxesSchema.safeParse({ domain: "example.com", bundleId: "", mailboxes: [] })),
    ).toEqual({
      bundleId: "Choose a pak.",
      mailboxes: "Add at least one mailbox.",
    });
    const many = Array.from({ length: MAILBOXES_PER_ACTION_MAX + 1 }, (_, i) => ({
      ...good,
      userName: `u${i}`,
    }));
    expect(
      createMailboxesSchema.safeParse({ domain: "example.com", bundleId: 1, mailboxes: many }).success,
    ).toBe(false);
    expect(bundleIdSchema.safeParse(0).success).toBe(false);
    expect(bundleIdSchema.safeParse("12345678901").success).toBe(false);
  });

  it("the CSV preview's row schema checks the domain as the action does", () => {
    const row = newMailboxOnDomainSchema("harbor.com");
    expect(issuesOf(row.safeParse({ userName: "x1", password: "Harbor-7Lantern" }))).toEqual({
      password: "A password cannot contain the domain name.",
    });
    expect(row.safeParse({ userName: "x1", password: "Quiet/River42" }).success).toBe(true);
  });
});

describe("changing mailboxes", () => {
  it("admin changes name each mailbox once, and no pak (ModifyPOP3 has no BundleID)", () => {
    expect(
      setMailboxAdminSchema.parse({ domain: "example.com", userNames: ["a", "b"], isAdmin: true }),
    ).toEqual({ domain: "example.com", userNames: ["a", "b"], isAdmin: true });
    expect(
      issuesOf(setMailboxAdminSchema.safeParse({ domain: "example.com", userNames: ["a", "A"] })),
    ).toEqual({
      "userNames.1": "This mailbox is listed twice.",
      isAdmin: "Choose administrator or regular.",
    });
    expect(issuesOf(deleteMailboxesSchema.safeParse({ domain: "example.com", userNames: [] }))).toEqual({
      userNames: "Choose at least one mailbox.",
    });
  });

  it("password resets check each new password against its own mailbox and the domain", () => {
    const result = resetMailboxPasswordsSchema.safeParse({
      domain: "harbor.com",
      items: [
        { userName: "alice", password: "Alice-12345" },
        { userName: "bob", password: "short" },
        { userName: "carol", password: "HARBOR.com-1" },
        { userName: "dan", password: "Quiet/River42" },
      ],
    });
    expect(issuesOf(result)).toEqual({
      "items.0.password": "A password cannot contain the mailbox name.",
      "items.1.password": "A password has 10 to 20 characters.",
      "items.2.password": "A password cannot contain the domain name.",
    });
    expect(
      passwordResetOnDomainSchema("harbor.com").safeParse({ userName: "x", password: "Harbor-7Q" }).success,
    ).toBe(false);
  });

  it("forwarding takes a full address, never the mailbox itself, and keeps a copy unless told not to", () => {
    const base = { domain: "example.com", userName: "info" };
    expect(setMailboxForwardingSchema.parse({ ...base, forwardTo: " boss@example.org " })).toEqual({
      ...base,
      forwardTo: "boss@example.org",
      keepCopy: true,
    });
    expect(
      setMailboxForwardingSchema.parse({ ...base, forwardTo: "boss@example.org", keepCopy: false }).keepCopy,
    ).toBe(false);
    expect(issuesOf(setMailboxForwardingSchema.safeParse({ ...base, forwardTo: "" }))).toEqual({
      forwardTo: "Enter an address such as someone@example.com.",
    });
    expect(
      issuesOf(setMailboxForwardingSchema.safeParse({ ...base, forwardTo: "info@EXAMPLE.com" })),
    ).toEqual({ forwardTo: "A mailbox cannot forward to its own address." });
    expect(removeMailboxForwardingSchema.parse({ ...base })).toEqual(base);
  });
});

describe("what eNom lets the panel do", () => {
  it("DeletePOP3 takes names of at most 16 characters, in a current pak only", () => {
    expect(deleteBlocker("sixteen-chars-ok", false)).toBeNull();
    expect(deleteBlocker("seventeen-chars-x", false)).toContain("at most 16 characters; this one has 17");
    expect(deleteBlocker("info", true)).toContain("renew the pak first");
  });

  it("flags a mailbox nearly full from 90 % of its quota", () => {
    expect(isNearlyFull(921.6, 1024)).toBe(true);
    expect(isNearlyFull(921, 1024)).toBe(false);
    expect(isNearlyFull(null, 1024)).toBe(false);
    expect(isNearlyFull(10, null)).toBe(false);
  });
});

describe("passwords in the dialogs", () => {
  const char = fc.constantFrom("a", "B", "3", "-", "@", "é", " ", "z", "Q", "h", "x", ".", "o", "m");
  const names = fc.constantFrom("", "ab", "info", "hx", "a", "zQ3");
  const domains = fc.constantFrom("", "hx.com", "abc.org", "ho.me", "example.co.uk");

  it("the checklist is all ticked exactly when eNom's rule finds nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 24 }), names, domains, (pw, userName, domain) => {
        const allMet = passwordRuleChecks(pw, { userName, domain }).every((check) => check.met);
        expect(allMet).toBe(passwordProblem(pw, { userName, domain }) === null);
      }),
      { numRuns: 5_000 },
    );
  });

  it("names each rule the user still has to meet", () => {
    const unmet = (pw: string, context = {}) =>
      passwordRuleChecks(pw, context)
        .filter((check) => !check.met)
        .map((check) => check.label);
    expect(unmet("abc")).toEqual([
      "10 to 20 characters",
      "An upper-case letter",
      "A number",
      "One of * @ - _ / .",
    ]);
    expect(unmet("Sales-Team-2024 ok", { userName: "sales", domain: "team.com" })).toEqual([
      "Only letters, digits and those symbols",
      "Not containing the mailbox name",
      "Not containing the domain",
    ]);
    expect(unmet("Quiet/River42", { userName: "info", domain: "harbor.com" })).toEqual([]);
  });

  it("generates passwords that meet eNom's rule for any mailbox, and differ each time", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,6}[a-z0-9]$|^[a-z0-9]$/),
        fc.stringMatching(/^[a-z0-9]{1,6}\.(com|org|co\.uk)$/),
        (userName, domain) => {
          const password = generateMailboxPassword({ userName, domain });
          expect(password).toHaveLength(16);
          expect(passwordProblem(password, { userName, domain })).toBeNull();
          expect(password).not.toMatch(/[0O1lI]/);
          seen.add(password);
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.size).toBe(300);
  });
});
