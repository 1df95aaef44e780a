import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pingDatabase } from "@/lib/db";
import { EnomError, EnomUnavailable, getEnomClient } from "@/lib/enom";
import { resetEnomAccess } from "@/lib/enom/access";
import { checkHealth, enomAccessProblemForStaff } from "./health";

vi.mock("@/lib/db", () => ({ pingDatabase: vi.fn() }));
vi.mock("@/lib/enom", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/enom")>()),
  getEnomClient: vi.fn(),
}));

const getBalance = vi.fn();

beforeEach(() => {
  resetEnomAccess();
  vi.mocked(pingDatabase).mockResolvedValue(undefined);
  vi.mocked(getEnomClient).mockReturnValue({ getBalance } as unknown as ReturnType<typeof getEnomClient>);
});
afterEach(() => {
  getBalance.mockReset();
});

const BAD_LOGIN = new EnomError({
  command: "GetBalance",
  errors: ["Bad User name or Password"],
  responses: [{ number: 304155, text: "Validation error; invalid ; loginid", description: null }],
  trackingKey: null,
});
// ../shared/enom-samples/error-ip.xml: no ResponseNumber, the IP at the end of Err1.
const IP_REFUSED = new EnomError({
  command: "GetBalance",
  errors: ["User not permitted from this IP address - 203.0.113.9"],
  responses: [{ number: null, text: "Policy error; unauthorized; user(s)", description: null }],
  trackingKey: null,
});

describe("/api/health's report of eNom", () => {
  it("a bad login says exactly what to fix, and staff see it until eNom accepts Mailpak again", async () => {
    getBalance.mockRejectedValueOnce(BAD_LOGIN);
    const report = await checkHealth();
    expect(report.status).toBe("degraded");
    expect(report.checks.enom).toMatchObject({
      ok: false,
      problem: "bad-login",
      fix: "eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
      error: "eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
    });
    expect(JSON.stringify(report)).not.toContain("resellpw");
    expect(enomAccessProblemForStaff()).toMatchObject({ code: "bad-login" });

    getBalance.mockResolvedValueOnce({ balance: { cents: 1, currency: "USD" } });
    expect((await checkHealth()).status).toBe("ok");
    expect(enomAccessProblemForStaff()).toBeNull();
  });

  it("a refused IP address names the address eNom saw", async () => {
    getBalance.mockRejectedValueOnce(IP_REFUSED);
    const report = await checkHealth();
    expect(report.checks.enom).toMatchObject({
      problem: "ip-not-allowed",
      fix: "eNom does not accept calls from this server's IP address 203.0.113.9: allow it in eNom's API settings",
    });
    expect(enomAccessProblemForStaff()).toMatchObject({ code: "ip-not-allowed", ip: "203.0.113.9" });
  });

  it("an answer Mailpak does not understand is not 'not answering'; a timeout does not clear the last word", async () => {
    getBalance.mockRejectedValueOnce(BAD_LOGIN);
    await checkHealth();
    getBalance.mockRejectedValueOnce(
      new EnomUnavailable({
        command: "GetBalance",
        kind: "read",
        reason: "timeout",
        outcome: "unknown",
        detail: "5 s",
      }),
    );
    expect((await checkHealth()).checks.enom).toMatchObject({ ok: false, problem: "unreachable" });
    expect(enomAccessProblemForStaff()).toMatchObject({ code: "bad-login" });

    getBalance.mockRejectedValueOnce(
      new EnomUnavailable({
        command: "GetBalance",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "no Balance",
      }),
    );
    const report = await checkHealth();
    expect(report.checks.enom).toMatchObject({ ok: false, problem: "unrecognised" });
    expect(report.checks.enom.error).toContain(
      "eNom answered GetBalance in a form Mailpak does not understand",
    );
    // eNom answered, so it accepted the login.
    expect(enomAccessProblemForStaff()).toBeNull();
  });
});
