import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCapturedMail } from "./captured";
import { captureTransport, fromAddress } from "./transport";

const message = {
  to: ["ana@example.com", "bo@example.com"],
  subject: "Join Northwind on Acme Mail",
  text: "Hello\n\nAccept: https://portal.example.com/invite/abc",
  html: "<p>Hello</p>",
  template: "invitation",
  fromName: "Acme Mail",
  headers: { "Auto-Submitted": "auto-generated" },
};

describe("the capture transport", () => {
  it("writes each email whole as .json (what tests read) and .eml (what an SMTP server would get)", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "mail-"));
    const transport = captureTransport(directory, "Mailpak <no-reply@portal.example.com>");
    await transport.send(message);
    await transport.send({ ...message, subject: "Second" });

    const files = (await readdir(directory)).sort();
    expect(files.filter((name) => name.endsWith(".json"))).toHaveLength(2);
    expect(files.filter((name) => name.endsWith(".eml"))).toHaveLength(2);
    expect(files.some((name) => name.endsWith(".tmp"))).toBe(false);
    for (const name of files) expect(name).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{8}\.(json|eml)$/);

    const [first, second] = await readCapturedMail(directory);
    expect(first).toEqual({
      to: message.to,
      from: '"Acme Mail" <no-reply@portal.example.com>',
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    expect(second?.subject).toBe("Second");

    const eml = await readFile(
      path.join(directory, files.find((name) => name.endsWith(".eml")) ?? ""),
      "utf8",
    );
    expect(eml).toContain("To: ana@example.com, bo@example.com");
    expect(eml).toContain("From: Acme Mail <no-reply@portal.example.com>");
    expect(eml).toContain("Auto-Submitted: auto-generated");
    expect(eml).toContain("Content-Type: multipart/alternative");
  });
});

describe("the sender", () => {
  it("is MAIL_FROM's address under the reseller's product name, not the panel's", () => {
    expect(fromAddress("Mailpak <no-reply@example.com>", "Acme Mail")).toEqual({
      name: "Acme Mail",
      address: "no-reply@example.com",
    });
    expect(fromAddress("no-reply@example.com", "Acme Mail")).toEqual({
      name: "Acme Mail",
      address: "no-reply@example.com",
    });
    expect(fromAddress("Mailpak <no-reply@example.com>")).toBe("Mailpak <no-reply@example.com>");
  });
});
