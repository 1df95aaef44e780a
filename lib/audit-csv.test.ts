import { describe, expect, it } from "vitest";
import type { AuditRow } from "@/lib/db/schema";
import { csvField as csvCell, csvRecord as csvLine } from "@/lib/csv";
import { AUDIT_CSV_HEADER, auditCsvChunks, auditCsvFilename, auditCsvLine } from "./audit-csv";

function row(overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    id: 7,
    at: new Date("2026-05-31T14:03:22.123Z"),
    actorId: null,
    actorEmail: "ann@reseller.test",
    actorRole: "staff",
    ip: "203.0.113.7",
    userAgent: "Firefox",
    action: "mailbox.create",
    domain: "example.com",
    pakId: "12345",
    mailbox: "info",
    targetUserId: null,
    targetCustomerId: null,
    outcome: "ok",
    summary: "Created info@example.com",
    details: {},
    enomTrackingKey: "TK-1",
    enomOrderId: null,
    enomError: null,
    ...overrides,
  };
}

describe("CSV cells", () => {
  it("leaves plain text alone and writes nothing for a missing value", () => {
    expect(csvCell("example.com")).toBe("example.com");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1:A9)", "\tcmd", "\rcmd", '=HYPERLINK("http://evil.test","x")'])(
    "defuses %j so a spreadsheet shows it as text",
    (value) => {
      const cell = csvCell(value);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(cell.endsWith('"')).toBe(true);
      // Read back as CSV, the cell is the text with one apostrophe in front.
      expect(cell.slice(1, -1).replaceAll('""', '"')).toBe(`'${value}`);
    },
  );

  it("does not defuse a formula character later in the text", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user@example.com")).toBe("user@example.com");
  });

  it("joins cells with commas and ends lines with CRLF", () => {
    expect(csvLine(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });
});

describe("the audit CSV", () => {
  it("has a header naming every column", () => {
    expect(AUDIT_CSV_HEADER).toBe(
      "id,time_utc,actor_email,actor_role,action,outcome,domain,pak_id,mailbox,summary,enom_tracking_key,enom_order_id,enom_error,target_user_id,target_customer_id,ip,user_agent,details\r\n",
    );
  });

  it("writes one entry per line in the header's order", () => {
    expect(auditCsvLine(row())).toBe(
      "7,2026-05-31T14:03:22.123Z,ann@reseller.test,staff,mailbox.create,ok,example.com,12345,info,Created info@example.com,TK-1,,,,,203.0.113.7,Firefox,\r\n",
    );
  });

  it("escapes hostile text from eNom or a user in any column", () => {
    const line = auditCsvLine(
      row({ summary: "=cmd|' /C calc'!A0", enomError: 'Bad "name", try again', details: { count: 2 } }),
    );
    expect(line).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(line).toContain('"Bad ""name"", try again"');
    expect(line).toContain('"{""count"":2}"');
  });

  it("defuses a hostile User-Agent or forwarded address, and quotes semicolons for every locale", () => {
    const line = auditCsvLine(
      row({
        ip: "-2+3;=cmd|' /C calc'!A0",
        userAgent: "Mozilla/5.0;=1+cmd|' /C calc'!A0",
        actorEmail: "@SUM(1+1)",
        mailbox: "\t=1+1",
      }),
    );
    expect(line).toContain(`"'-2+3;=cmd|' /C calc'!A0"`);
    expect(line).toContain(`,"Mozilla/5.0;=1+cmd|' /C calc'!A0",`);
    expect(line).toContain(`"'@SUM(1+1)"`);
    expect(line).toContain(`"'\t=1+1"`);
    // Split as a semicolon locale splits it (outside quotes), no cell starts a formula.
    const cells = line.trimEnd().match(/("([^"]|"")*"|[^,;]*)/g) ?? [];
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("streams a byte order mark and the header first, then the rows in chunks", async () => {
    async function* rows() {
      for (let id = 5; id > 0; id -= 1) yield row({ id });
    }
    const chunks: string[] = [];
    for await (const chunk of auditCsvChunks(rows(), 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe(`\uFEFF${AUDIT_CSV_HEADER}`);
    const lines = chunks.slice(1).join("").split("\r\n").filter(Boolean);
    expect(lines.map((line) => line.split(",")[0])).toEqual(["5", "4", "3", "2", "1"]);
  });

  it("names the file after the day, in UTC", () => {
    expect(auditCsvFilename(new Date("2026-05-31T23:59:00Z"))).toBe("mailpak-audit-2026-05-31.csv");
  });
});
