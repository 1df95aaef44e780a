import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { passwordProblem } from "@/lib/validation/enom-rules";
import { exportFileName, mailboxesToCsv, readMailboxCsv, type ExportedMailbox } from "./mailbox-csv";

const DOMAIN = "example.com";
const options = { domain: DOMAIN, existingNames: ["Info"], generatePassword: () => "Gen3rated-Pass" };

function box(userName: string, extra: Partial<ExportedMailbox> = {}): ExportedMailbox {
  return {
    userName,
    address: `${userName}@${DOMAIN}`,
    displayName: "",
    bundleId: 600002,
    isAdmin: false,
    quotaMb: 1024,
    quotaUsedMb: 10,
    expires: "2030-01-01",
    forwardTo: null,
    ...extra,
  };
}

describe("exporting the grid", () => {
  it("writes one row per mailbox, no passwords, formulas neutralised, unknown names left blank", () => {
    const csv = mailboxesToCsv([
      box("sales", { displayName: "Sales, EMEA", isAdmin: true, forwardTo: "boss@example.org" }),
      box("odd", { displayName: "=HYPERLINK(1)", bundleId: null }),
      box("old", { displayName: null }),
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv).records).toEqual([
      ["address", "user name", "display name", "administrator", "pak", "forward to"],
      ["sales@example.com", "sales", "Sales, EMEA", "yes", "600002", "boss@example.org"],
      ["odd@example.com", "odd", "'=HYPERLINK(1)", "no", "", ""],
      ["old@example.com", "old", "", "no", "600002", ""],
    ]);
    expect(exportFileName(DOMAIN, new Date("2026-11-24T12:00:00Z"))).toBe(
      "example.com-mailboxes-2026-11-24.csv",
    );
  });

  it("an exported file imports as new mailboxes as it is, saying that forwarding is not set", () => {
    const csv = mailboxesToCsv([
      box("sales", { displayName: "=Sales", isAdmin: true, forwardTo: "a@b.org" }),
    ]);
    const preview = readMailboxCsv(csv, { ...options, domain: "example.com" });
    expect(preview.fileProblem).toBeNull();
    expect(preview.ignoredColumns).toEqual(["pak", "forward to"]);
    expect(preview.forwardingLeftOut).toBe(true);
    expect(preview.rows).toEqual([
      {
        row: 2,
        mailbox: { userName: "sales", password: "Gen3rated-Pass", displayName: "=Sales", isAdmin: true },
        passwordGenerated: true,
        problems: [],
      },
    ]);
  });
});

describe("importing mailboxes", () => {
  it("checks every row with eNom's current password rule, against its name and the domain", () => {
    const csv = [
      "User Name,Password,Display name,Admin",
      "alice,Harbor-7Lantern,Alice A,yes",
      "bob,weak,Bob,",
      "info,Quiet/River42,Taken,no",
      "ALICE,Quiet/River43,Twice,no",
      "carol,,Carol,maybe",
      "-bad,Quiet/River44,,no",
      "dave,Dave-1234567,,no",
      "erin,Example-12345,,no",
    ].join("\r\n");
    const preview = readMailboxCsv(csv, options);
    expect(preview.fileProblem).toBeNull();
    expect(preview.forwardingLeftOut).toBe(false);
    expect(preview.rows.map((row) => [row.row, row.problems])).toEqual([
      [2, []],
      [3, ["Password: A password has 10 to 20 characters."]],
      [4, ["User name: info@example.com already exists."]],
      [5, ["User name: also on row 2."]],
      [6, ['Administrator: write yes or no, not "maybe".']],
      [
        7,
        [
          "User name: Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.",
        ],
      ],
      [8, ["Password: A password cannot contain the mailbox name."]],
      [9, ["Password: A password cannot contain the domain name."]],
    ]);
    expect(preview.rows[0]?.mailbox).toEqual({
      userName: "alice",
      password: "Harbor-7Lantern",
      displayName: "Alice A",
      isAdmin: true,
    });
    expect(preview.rows[4]?.passwordGenerated).toBe(true);
  });

  it("generates blank passwords that meet the rule for that mailbox and domain", () => {
    const preview = readMailboxCsv("user name\r\nexample\r\nx\r\n", { domain: DOMAIN, existingNames: [] });
    for (const row of preview.rows) {
      expect(row.problems).toEqual([]);
      expect(
        passwordProblem(row.mailbox.password, { userName: row.mailbox.userName, domain: DOMAIN }),
      ).toBeNull();
    }
  });

  it("takes the user name from an address on the domain", () => {
    const preview = readMailboxCsv("email;name\r\ndan@Example.com;Dan\r\neve@other.org;Eve\r\n", options);
    expect(preview.rows.map((row) => [row.mailbox.userName, row.problems])).toEqual([
      ["dan", []],
      ["", ["Address: eve@other.org is not on example.com.", "User name: Enter a mailbox name."]],
    ]);
  });

  it("says what is wrong with a file it cannot use", () => {
    expect(readMailboxCsv("", options).fileProblem).toBe("The file is empty.");
    expect(readMailboxCsv("name,phone\r\nx,1\r\n", options).fileProblem).toContain('"user name"');
    expect(readMailboxCsv("user name\r\n", options).fileProblem).toBe(
      "The file has no mailboxes below its heading.",
    );
    expect(readMailboxCsv('user name\r\n"open\r\n', options).fileProblem).toBe(
      "The file is not valid CSV. Line 2: a quoted field is not closed.",
    );
    const tooMany = ["user name", ...Array.from({ length: 1000 }, (_, i) => `u${i}`)].join("\n");
    expect(readMailboxCsv(tooMany, options).fileProblem).toBe(
      "The file has 1000 mailboxes; import at most 999 at once.",
    );
  });
});
