import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = {
  ENOM_BASE_URL: "https://resellertest.enom.com/interface.asp",
  ENOM_UID: "resellid",
  ENOM_PW: "resellpw",
  AUTH_SECRET: "x".repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

describe("the environment contract", () => {
  it("accepts the minimal environment and fills the defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.EMBEDDED_POSTGRES_DIR).toBe("./data/postgres");
    expect(env.ENOM_TIMEOUT_MS).toBe(30_000);
  });

  it("names every missing variable on its own line", () => {
    expect(problemsOf({})).toEqual([
      "ENOM_BASE_URL is missing",
      "ENOM_UID is missing",
      "ENOM_PW is missing",
      "AUTH_SECRET is missing",
    ]);
  });

  it("explains what is wrong with a value", () => {
    const problems = problemsOf({
      ...valid,
      ENOM_BASE_URL: "https://resellertest.enom.com/",
      AUTH_SECRET: "short",
      DATABASE_URL: "mysql://localhost/x",
      PORT: "http",
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe("ENOM_BASE_URL must end in /interface.asp");
    expect(problems.some((p) => p.startsWith("AUTH_SECRET must be at least 32 characters"))).toBe(true);
    expect(problems.some((p) => p.startsWith("DATABASE_URL must be a postgres:// URL"))).toBe(true);
    expect(problems.some((p) => p.startsWith("PORT "))).toBe(true);
  });

  it("treats empty optional variables as unset", () => {
    const env = parseEnv({ ...valid, DATABASE_URL: "", REDIS_URL: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("accepts an eNom API token in ENOM_PW, longer than the old 20-character password", () => {
    const token = "0123456789abcdefABCDEF0123456789abcdefAB"; // 40 characters, like eNom's public example
    expect(parseEnv({ ...valid, ENOM_PW: token }).ENOM_PW).toBe(token);
    expect(parseEnv({ ...valid, ENOM_PW: "t".repeat(256) }).ENOM_PW).toHaveLength(256);
  });

  it("never repeats a secret in its messages", () => {
    const tooLong = `secret-${"x".repeat(260)}`;
    const message = (() => {
      try {
        parseEnv({ ...valid, ENOM_PW: tooLong, AUTH_SECRET: "tiny-secret" });
      } catch (error) {
        return String(error);
      }
      return "";
    })();
    expect(message).toContain("ENOM_PW has at most 256 characters");
    expect(message).not.toContain(tooLong);
    expect(message).not.toContain("tiny-secret");
  });

  it("refuses a production start without PUBLIC_URL, saying why", () => {
    const problems = problemsOf({ ...valid, NODE_ENV: "production" });
    expect(problems).toEqual([
      "PUBLIC_URL is required in production (e.g. https://mail.example.com): links in emails are built from it, never from a request's Host header",
    ]);
    expect(
      parseEnv({ ...valid, NODE_ENV: "production", PUBLIC_URL: "https://mail.example.com" }).PUBLIC_URL,
    ).toBe("https://mail.example.com");
    // Development and tests fall back to localhost.
    expect(parseEnv({ ...valid, NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
  });

  it("takes TRUSTED_PROXIES as addresses and CIDR blocks, and names a wrong entry", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toBeUndefined();
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.5,fd00::/8" }).TRUSTED_PROXIES).toBe(
      "10.0.0.0/8, 192.168.1.5,fd00::/8",
    );
    expect(problemsOf({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, lb.internal, 10.1.2.3/33" })).toEqual([
      'TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas (not "lb.internal", "10.1.2.3/33")',
    ]);
  });

  it("takes DNS_SERVERS as addresses with optional ports, and names a wrong entry", () => {
    expect(parseEnv(valid).DNS_SERVERS).toBeUndefined();
    expect(parseEnv({ ...valid, DNS_SERVERS: "" }).DNS_SERVERS).toBeUndefined();
    expect(parseEnv({ ...valid, DNS_SERVERS: "127.0.0.1:5354, 1.1.1.1,[::1]:53" }).DNS_SERVERS).toBe(
      "127.0.0.1:5354, 1.1.1.1,[::1]:53",
    );
    expect(problemsOf({ ...valid, DNS_SERVERS: "127.0.0.1:5354, dns.google, 10.0.0.1:99999" })).toEqual([
      'DNS_SERVERS must be IP addresses, each with an optional :port, separated by commas, e.g. 127.0.0.1:5354 (not "dns.google", "10.0.0.1:99999")',
    ]);
  });
});
