import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./enom-rules";
import {
  bundleIdSchema,
  createMailboxesSchema,
  deleteMailboxesSchema,
  generateMailboxPassword,
  MAILBOXES_PER_ACTION_MAX,
  passwordRuleChecks,
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

const good = {
  userName: "info",
  password: "Secret123",
  displayName: "Front desk",
  isAdmin: false,
  forwardTo: "",
};

describe("creating mailboxes", () => {
  it("accepts a list of new mailboxes and fills the optional fields", () => {
    const parsed = createMailboxesSchema.parse({
      domain: " Example.COM ",
      bundleId: "600002",
      mailboxes: [{ userName: " sales ", password: "Abcdef12" }, good],
    });
    expect(parsed).toEqual({
      domain: "example.com",
      bundleId: 600002,
      mailboxes: [
        { userName: "sales", password: "Abcdef12", displayName: "", isAdmin: false, forwardTo: "" },
        good,
      ],
    });
  });

  it("checks every row with eNom's rules and Mailpak's stricter password rule", () => {
    const result = createMailboxesSchema.safeParse({
      domain: "example.com",
      bundleId: 1,
      mailboxes: [
        { ...good, userName: "-bad" },
        { ...good, userName: "weak", password: "alllowercase1" },
        { ...good, userName: "symbols", password: "Pass-word1" },
        { ...good, userName: "fwd", forwardTo: "not an address" },
        { ...good, userName: "self", forwardTo: "SELF@example.com" },
        { ...good, userName: "ctrl", displayName: "Line\nbreak" },
      ],
    });
    expect(issuesOf(result)).toEqual({
      "mailboxes.0.userName":
        "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.",
      "mailboxes.1.password": "Add an upper-case letter.",
      "mailboxes.2.password": "A password may use only letters and digits.",
      "mailboxes.3.forwardTo": "Enter an address such as someone@example.com, or leave it empty.",
      "mailboxes.4.forwardTo": "A mailbox cannot forward to its own address.",
      "mailboxes.5.displayName": "A display name cannot contain line breaks or control characters.",
    });
    expect(
      issuesOf(
        createMailboxesSchema.safeParse({
          domain: "example.com",
          bundleId: 1,
          mailboxes: [{ ...good, userName: "Abc123", password: "aBC123" }],
        }),
      ),
    ).toEqual({ "mailboxes.0.password": "A password cannot be the mailbox name." });
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
});

describe("changing mailboxes", () => {
  it("admin changes name each mailbox once", () => {
    expect(
      setMailboxAdminSchema.parse({
        domain: "example.com",
        bundleId: 5,
        userNames: ["a", "b"],
        isAdmin: true,
      }),
    ).toEqual({ domain: "example.com", bundleId: 5, userNames: ["a", "b"], isAdmin: true });
    expect(
      issuesOf(
        setMailboxAdminSchema.safeParse({ domain: "example.com", bundleId: 5, userNames: ["a", "A"] }),
      ),
    ).toEqual({
      "userNames.1": "This mailbox is listed twice.",
      isAdmin: "Choose administrator or regular.",
    });
    expect(issuesOf(deleteMailboxesSchema.safeParse({ domain: "example.com", userNames: [] }))).toEqual({
      userNames: "Choose at least one mailbox.",
    });
  });

  it("password resets check each new password against its own mailbox", () => {
    const result = resetMailboxPasswordsSchema.safeParse({
      domain: "example.com",
      bundleId: 5,
      items: [
        { userName: "alice", password: "Alice1" },
        { userName: "bob", password: "short" },
      ],
    });
    expect(issuesOf(result)).toEqual({ "items.1.password": "A password has 6 to 30 characters." });
  });

  it("forwarding is an address or empty, never the mailbox itself", () => {
    const base = { domain: "example.com", userName: "info" };
    expect(setMailboxForwardingSchema.parse({ ...base, forwardTo: " boss@example.org " }).forwardTo).toBe(
      "boss@example.org",
    );
    expect(setMailboxForwardingSchema.parse({ ...base, forwardTo: "" }).forwardTo).toBe("");
    expect(
      issuesOf(setMailboxForwardingSchema.safeParse({ ...base, forwardTo: "info@EXAMPLE.com" })),
    ).toEqual({
      forwardTo: "A mailbox cannot forward to its own address.",
    });
  });
});

describe("passwords in the dialogs", () => {
  it("the checklist is all ticked exactly when the rule finds nothing", () => {
    const char = fc.constantFrom("a", "B", "3", "-", "é", " ", "z", "Q");
    fc.assert(
      fc.property(
        fc.string({ unit: char, maxLength: 34 }),
        fc.constantFrom("", "aB3aB3", "info"),
        (pw, name) => {
          const allMet = passwordRuleChecks(pw, name).every((check) => check.met);
          expect(allMet).toBe(passwordProblem(pw, { userName: name, strict: true }) === null);
        },
      ),
    );
  });

  it("names each rule the user still has to meet", () => {
    const unmet = passwordRuleChecks("abc", "abc")
      .filter((check) => !check.met)
      .map((check) => check.label);
    expect(unmet).toEqual(["6 to 30 characters", "An upper-case letter", "A digit", "Not the mailbox name"]);
  });

  it("generates passwords that meet every rule and differ each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateMailboxPassword("info");
      expect(password).toHaveLength(16);
      expect(passwordProblem(password, { userName: "info", strict: true })).toBeNull();
      expect(password).not.toMatch(/[0O1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
