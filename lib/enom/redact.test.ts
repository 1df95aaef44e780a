import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { bufferLogger, enomXml, fakeFetch, TEST_PW, TEST_UID, testClient } from "./__fixtures__/harness";
import { isSecretParam, redactParams, scrubSecrets } from "./redact";

const MAILBOX_PW = "MailPass-123";
const OTHER_PW = "Other-456Pw";
const SECRETS = [TEST_PW, TEST_UID, MAILBOX_PW, OTHER_PW];
const domain = "resellerdocs.com";

/** Every string reachable from an error: message, stack, own properties (hidden too), causes, JSON, inspect. */
function everythingIn(error: unknown): string {
  const seen = new Set<unknown>();
  const parts: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || value === undefined || seen.has(value)) return;
    if (typeof value === "string") return void parts.push(value);
    if (typeof value !== "object" && typeof value !== "function") return void parts.push(String(value));
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      parts.push(String(key));
      walk(descriptor && "value" in descriptor ? descriptor.value : undefined, depth + 1);
    }
    if (value instanceof Error) walk(value.cause, depth + 1);
  };
  walk(error, 0);
  parts.push(String(error), JSON.stringify(error) ?? "", inspect(error, { depth: null, showHidden: true }));
  if (error instanceof Error) parts.push(error.stack ?? "");
  return parts.join("\n");
}

function expectNoSecrets(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} carries ${secret}`).toBe(false);
}

/** Writes carrying two mailbox passwords, answered in every way that fails. */
const writeWithPasswords = (client: ReturnType<typeof testClient>) =>
  client.setUpPop3Users({
    domain,
    bundleId: 5134,
    users: [
      { userName: "ann", password: MAILBOX_PW },
      { userName: "bob", password: OTHER_PW },
    ],
  });
const echo = `uid=${TEST_UID} pw=${TEST_PW} Password1=${MAILBOX_PW} Password2=${OTHER_PW}`;

const FAILURES: Array<[string, Parameters<typeof fakeFetch>[0]]> = [
  [
    "eNom refuses, echoing the request in its errors",
    () => enomXml("SetUpPOP3User", "", { errors: [`Bad password ${MAILBOX_PW}`, echo] }),
  ],
  [
    "eNom refuses, echoing the request at the top level",
    () => enomXml("SetUpPOP3User", "", { errors: [echo], nested: false }),
  ],
  ["HTTP 500 echoing the request", () => new Response(`Server error: ${echo}`, { status: 500 })],
  ["an unparseable reply echoing the request", () => `<interface-response><Echo>${echo}</Echo>`],
  [
    "a reply whose fields are wrong, echoing the request",
    () => enomXml("SetUpPOP3User", `<AccountsCreated>${echo}</AccountsCreated>`),
  ],
  [
    "a network failure whose message and cause carry the body",
    (request) => {
      throw new TypeError(`fetch failed for ${request.body.toString()}`, {
        cause: Object.assign(new Error(`socket hang up ${request.body.toString()}`), { code: "ECONNRESET" }),
      });
    },
  ],
];

describe("no log line or thrown error carries the eNom password, the UID or a mailbox password", () => {
  it.each(FAILURES)("%s", async (_, reply) => {
    const log = bufferLogger();
    const error = await writeWithPasswords(testClient(fakeFetch(reply).fetch, { logger: log.logger })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(["EnomError", "EnomUnavailable"]).toContain((error as Error).name);
    expectNoSecrets(everythingIn(error), "the error");
    expect(log.lines.length).toBeGreaterThan(0);
    expectNoSecrets(log.text(), "the log");
  });

  it("a successful write logs its parameters with every password redacted", async () => {
    const log = bufferLogger();
    const reply = enomXml(
      "SetUpPOP3User",
      "<AccountsCreated>2</AccountsCreated><AccountsFailed>0</AccountsFailed>",
    );
    await writeWithPasswords(testClient(fakeFetch(reply).fetch, { logger: log.logger }));
    expectNoSecrets(log.text(), "the log");
    const record = JSON.parse(log.lines[0] ?? "{}") as { params: Record<string, string> };
    expect(record.params).toMatchObject({
      uid: "[redacted]",
      pw: "[redacted]",
      Password1: "[redacted]",
      Password2: "[redacted]",
      UserName1: "ann",
    });
  });

  it("a ModifyPOP3 password change, refused, stays secret too", async () => {
    const log = bufferLogger();
    const reply = () => enomXml("ModifyPOP3", "", { errors: [`Cannot set ${MAILBOX_PW}`] });
    const error = await testClient(fakeFetch(reply).fetch, { logger: log.logger })
      .modifyPop3Users({ domain, users: [{ userName: "ann", password: MAILBOX_PW }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "EnomError", errors: ["Cannot set [redacted]"] });
    expectNoSecrets(everythingIn(error) + log.text(), "the error or log");
  });

  it("a validation error does not repeat the password it refused", async () => {
    const error = await testClient(fakeFetch("").fetch)
      .setUpPop3Users({ domain, bundleId: 5134, users: [{ userName: "ann", password: "mailpass" }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "EnomValidationError" });
    expect(everythingIn(error)).not.toContain("mailpass");
  });
});

describe("redact helpers", () => {
  it("treat UID, PW and every name with pass or pw as secret", () => {
    for (const name of ["uid", "UID", "pw", "PW", "Password1", "password12", "NewPW", "PassPhrase"])
      expect(isSecretParam(name), name).toBe(true);
    for (const name of ["UserName1", "SLD", "command", "DisplayName1", "ForwardTo1"])
      expect(isSecretParam(name), name).toBe(false);
    expect(redactParams({ uid: "u", PW: "p", Password3: "x", SLD: "a" })).toEqual({
      uid: "[redacted]",
      PW: "[redacted]",
      Password3: "[redacted]",
      SLD: "a",
    });
  });

  it("scrub longer secrets first so one inside another leaves nothing behind", () => {
    expect(scrubSecrets("x abcdef y abc", ["abcdef", "abc"])).toBe("x [redacted] y [redacted]");
  });
});
