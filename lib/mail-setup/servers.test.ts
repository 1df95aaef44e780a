import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { mailServerSettingsFrom } from "./servers";

const base = {
  ENOM_BASE_URL: "http://127.0.0.1:4000/interface.asp",
  ENOM_UID: "resellid",
  ENOM_PW: "resellpw",
  AUTH_SECRET: "x".repeat(32),
};

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv({ ...base, ...source });
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("the mail server settings", () => {
  it("are not configured by default, and say which variables are missing", () => {
    const settings = mailServerSettingsFrom(parseEnv(base), "example.com");
    expect(settings).toEqual({
      configured: false,
      webmailUrl: null,
      missing: ["MAIL_IMAP_HOST", "MAIL_SMTP_HOST"],
    });
  });

  it("default to the implicit-TLS ports, and name POP and webmail only when set", () => {
    const env = parseEnv({
      ...base,
      MAIL_IMAP_HOST: "imap.mail.example",
      MAIL_SMTP_HOST: "SMTP.mail.example",
    });
    expect(mailServerSettingsFrom(env, "example.com")).toEqual({
      configured: true,
      servers: {
        imap: { host: "imap.mail.example", port: 993, security: "SSL/TLS" },
        pop: null,
        smtp: { host: "smtp.mail.example", port: 465, security: "SSL/TLS" },
      },
      webmailUrl: null,
    });
  });

  it("take ports, POP, webmail and the mailbox's domain in place of {domain}", () => {
    const env = parseEnv({
      ...base,
      MAIL_IMAP_HOST: "mail.{domain}",
      MAIL_IMAP_PORT: "143",
      MAIL_POP_HOST: "pop.mail.example",
      MAIL_SMTP_HOST: "mail.{domain}",
      MAIL_SMTP_PORT: "587",
      MAIL_WEBMAIL_URL: "https://webmail.{domain}/",
    });
    const settings = mailServerSettingsFrom(env, "Northwind.Example");
    expect(settings).toEqual({
      configured: true,
      servers: {
        imap: { host: "mail.northwind.example", port: 143, security: "STARTTLS" },
        pop: { host: "pop.mail.example", port: 995, security: "SSL/TLS" },
        smtp: { host: "mail.northwind.example", port: 587, security: "STARTTLS" },
      },
      webmailUrl: "https://webmail.northwind.example/",
    });
  });

  it("offer webmail alone while the servers are not set", () => {
    const env = parseEnv({ ...base, MAIL_WEBMAIL_URL: "https://webmail.example.net" });
    expect(mailServerSettingsFrom(env, "example.com")).toMatchObject({
      configured: false,
      webmailUrl: "https://webmail.example.net",
    });
  });

  it("stop the start with one line per mistake", () => {
    expect(problems({ MAIL_IMAP_HOST: "imap.mail.example" })).toEqual([
      "MAIL_SMTP_HOST is required when MAIL_IMAP_HOST is set (the outgoing server)",
    ]);
    expect(problems({ MAIL_SMTP_HOST: "smtp.mail.example" })).toEqual([
      "MAIL_IMAP_HOST is required when MAIL_SMTP_HOST is set (the incoming server)",
    ]);
    expect(problems({ MAIL_IMAP_HOST: "not a host", MAIL_SMTP_HOST: "smtp.mail.example" })).toEqual([
      "MAIL_IMAP_HOST must be a host name such as mail.example.com (it may contain {domain})",
    ]);
    expect(
      problems({ MAIL_IMAP_HOST: "a.example", MAIL_SMTP_HOST: "b.example", MAIL_SMTP_PORT: "70000" }),
    ).toHaveLength(1);
    expect(problems({ MAIL_WEBMAIL_URL: "ftp://webmail.example" })).toEqual([
      "MAIL_WEBMAIL_URL must be the full address of webmail, e.g. https://webmail.example.com",
    ]);
    // Empty means unset, as for the other optional variables.
    expect(problems({ MAIL_IMAP_HOST: "", MAIL_SMTP_HOST: "", MAIL_WEBMAIL_URL: "" })).toEqual([]);
  });
});
