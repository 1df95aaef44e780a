import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import type { MailboxView } from "@/lib/domains/types";
import { exportFileName, mailboxesToCsv, readMailboxCsv } from "./mailbox-csv";

const DOMAIN = "example.com";
const options = { domain: DOMAIN, existingNames: ["Info"], generatePassword: () => "Gen3ratedPass" };

function box(userName: string, extra: Partial<MailboxView> = {}): MailboxView {
  return {
    userName,
    address: `${userName}@${DOMAIN}`,
    displayName: "",
    bundleId: 600002,
    isAdmin: false,
    forwardTo: null,
    ...extra,
  };
}

describe("exporting the grid", () => {
  it("writes one row per mailbox, no passwords, formulas neutralised", () => {
    const csv = mailboxesToCsv([
      box("sales", { displayName: "Sales, EMEA", isAdmin: true, forwardTo: "boss@example.org" }),
      box("odd", { displayName: "=HYPERLINK(1)", bundleId: null }),
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv).records).toEqual([
      ["address", "user name", "display name", "administrator", "pak", "forward to"],
      ["sales@example.com", "sales", "Sales, EMEA", "yes", "600002", "boss@example.org"],
      ["odd@example.com", "odd", "'=HYPERLINK(1)", "no", "", ""],
    ]);
    expect(exportFileName(DOMAIN, new Date("2026-11-24T12:00:00Z"))).toBe(
      "example.com-mailboxes-2026-11-24.csv",
    );
  });

  it("an exported file imports as new mailboxes as it is", () => {
    const csv = mailboxesToCsv([box("sales", { displayName: "=Sales", isAdmin: true })]);
    const preview = readMailboxCsv(csv, { ...options, domain: "example.com" });
    expect(preview.fileProblem).toBeNull();
    expect(preview.ignoredColumns).toEqual(["pak"]);
    expect(preview.rows).toEqual([
      {
        row: 2,
        mailbox: {
          userName: "sales",
          password: "Gen3ratedPass",
          displayName: "=Sales",
          isAdmin: true,
          forwardTo: "",
        },
        passwordGenerated: true,
        problems: [],
      },
    ]);
  });
});

describe("importing mailboxes", () => {
  it("checks every row before anything is sent", () => {
    const csv = [
      "User Name,Password,Display name,Admin,Forward to",
      "alice,Alice1234,Alice A,yes,",
      "bob,weak,Bob,,",
      "info,Info12345,Taken,no,",
      "ALICE,Alice1234x,Twice,no,",
      "carol,,Carol,maybe,carol@example.com",
      "-bad,Good12345,,no,not-an-address",
    ].join("\r\n");
    const preview = readMailboxCsv(csv, options);
    expect(preview.fileProblem).toBeNull();
    expect(preview.rows.map((row) => [row.row, row.problems])).toEqual([
      [2, []],
      [3, ["Password: A password has 6 to 30 characters."]],
      [4, ["User name: info@example.com already exists."]],
      [5, ["User name: also on row 2."]],
      [
        6,
        [
          'Administrator: write yes or no, not "maybe".',
          "Forward to: a mailbox cannot forward to its own address.",
        ],
      ],
      [
        7,
        [
          "User name: Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.",
          "Forward to: Enter an address such as someone@example.com, or leave it empty.",
        ],
      ],
    ]);
    expect(preview.rows[0]?.mailbox).toEqual({
      userName: "alice",
      password: "Alice1234",
      displayName: "Alice A",
      isAdmin: true,
      forwardTo: "",
    });
    expect(preview.rows[4]?.passwordGenerated).toBe(true);
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
