import { describe, expect, it } from "vitest";
import { asHtmlReply, enomXml, fakeFetch, fixture, testClient } from "../__fixtures__/harness";
import { checkReplyShape } from "../check";
import { EnomUnavailable, EnomValidationError } from "../errors";

/**
 * GetForwarding and Forwarding, the domain's forward-only addresses (aliases): the samples printed
 * on their pages (__fixtures__/pages/get-forwarding.*, forwarding.*), verbatim — the page copy's
 * "[email protected]" included — and replies built in the pages' shapes for the rest.
 */
const DOCS = "resellerdocs.com";

function answering(body: string) {
  const { fetch, sent } = fakeFetch(body);
  return { client: testClient(fetch, { readRetries: 0 }), sent };
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );
const eforward = (alias: string, forwardTo: string, status = "0") =>
  `<eforward><alias>${alias}</alias><forward-to>${forwardTo}</forward-to><status>${status}</status><rejectreason/><mailid>33</mailid></eforward>`;

describe("GetForwarding", () => {
  it("reads the page's XML sample: one alias, enabled (status 0), MaxEmail 100", async () => {
    const { client, sent } = answering(fixture("pages/get-forwarding.page.xml"));
    expect(await client.getDomainForwarding({ domain: DOCS })).toEqual({
      aliases: [
        {
          alias: "john.doe",
          forwardTo: "[email protected]", // the page copy's own obfuscation, kept as printed
          enabled: true,
          mailId: 3370493,
          rejectReason: null,
        },
      ],
      maxAliases: 100,
      trackingKey: null,
    });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({
      command: "GetForwarding",
      SLD: "resellerdocs",
    });
    expect(sent[0]?.body.has("GetDefaultOnly")).toBe(false);
  });

  it("reads the page's Text sample (Username1, ForwardTo1, Status1, MailID1)", async () => {
    const { client } = answering(asHtmlReply(fixture("pages/get-forwarding.page-html.txt")));
    expect(await client.getDomainForwarding({ domain: DOCS })).toEqual({
      aliases: [
        {
          alias: "jane.doe",
          forwardTo: "[email protected]",
          enabled: true,
          mailId: 4322979,
          rejectReason: null,
        },
      ],
      maxAliases: 100,
      trackingKey: "1fed5526-70ac-4347-a86b-33141c5b51df",
    });
  });

  it("status 1 is a disabled alias; blank form rows are not aliases; no aliases is EmailCount 0", async () => {
    const body = enomXml(
      "GetForwarding",
      `${eforward("sales", "a@example.net", "1")}<eforward><alias/><forward-to/><status/></eforward><EmailCount>1</EmailCount><MaxEmail>100</MaxEmail>`,
    );
    expect((await answering(body).client.getDomainForwarding({ domain: DOCS })).aliases).toEqual([
      { alias: "sales", forwardTo: "a@example.net", enabled: false, mailId: 33, rejectReason: null },
    ]);
    const none = enomXml("GetForwarding", "<EmailCount>0</EmailCount><MaxEmail>100</MaxEmail>");
    expect((await answering(none).client.getDomainForwarding({ domain: DOCS })).aliases).toEqual([]);
  });

  it.each([
    ["no EmailCount (a missing list is never an empty one)", eforward("sales", "a@example.net")],
    [
      "EmailCount above the aliases listed",
      `${eforward("sales", "a@example.net")}<EmailCount>2</EmailCount>`,
    ],
    ["a status other than 0 or 1", `${eforward("sales", "a@example.net", "yes")}<EmailCount>1</EmailCount>`],
  ])("refuses %s", async (_, fields) => {
    const error = await failure(
      answering(enomXml("GetForwarding", fields)).client.getDomainForwarding({ domain: DOCS }),
    );
    expect(error).toBeInstanceOf(EnomUnavailable);
    expect(error).toMatchObject({ reason: "unrecognised" });
  });
});

describe("Forwarding", () => {
  it("sends the whole list as Address1/ForwardTo1 …; the page's sample reply is success", async () => {
    const { client, sent } = answering(fixture("pages/forwarding.page.xml"));
    expect(
      await client.setDomainForwarding({
        domain: DOCS,
        aliases: [
          { alias: "jane.doe", forwardTo: "jane@example.net" },
          { alias: "sales", forwardTo: "team@example.org" },
        ],
      }),
    ).toEqual({ trackingKey: null });
    expect(Object.fromEntries(sent[0]?.body ?? [])).toMatchObject({
      command: "Forwarding",
      SLD: "resellerdocs",
      TLD: "com",
      Address1: "jane.doe",
      ForwardTo1: "jane@example.net",
      Address2: "sales",
      ForwardTo2: "team@example.org",
    });
    expect(sent[0]?.body.has("Address3")).toBe(false);
    const html = answering(asHtmlReply(fixture("pages/forwarding.page-html.txt")));
    expect(
      await html.client.setDomainForwarding({
        domain: DOCS,
        aliases: [{ alias: "a", forwardTo: "a@example.net" }],
      }),
    ).toEqual({ trackingKey: "613be6b5-0c4d-4f67-9619-dfe9f8d6f7c2" });
  });

  it("EmailForwardingEnabled False with ErrCount 0 is refused: eNom may have acted", async () => {
    const { client } = answering(
      enomXml("Forwarding", "<EmailForwardingEnabled>False</EmailForwardingEnabled>"),
    );
    expect(
      await failure(
        client.setDomainForwarding({ domain: DOCS, aliases: [{ alias: "a", forwardTo: "a@example.net" }] }),
      ),
    ).toMatchObject({ reason: "unrecognised", outcome: "unknown" });
  });

  it.each([
    ["an empty list (no page says what it does)", []],
    [
      "an alias twice",
      [
        { alias: "Sales", forwardTo: "a@example.net" },
        { alias: "sales", forwardTo: "b@example.net" },
      ],
    ],
    ["an alias over 30 characters", [{ alias: "a".repeat(31), forwardTo: "a@example.net" }]],
    ["a forward that is not an address", [{ alias: "sales", forwardTo: "not an address" }]],
  ])("refuses %s before sending anything", async (_, aliases) => {
    const { client, sent } = answering(fixture("pages/forwarding.page.xml"));
    expect(await failure(client.setDomainForwarding({ domain: DOCS, aliases }))).toBeInstanceOf(
      EnomValidationError,
    );
    expect(sent).toHaveLength(0);
  });

  it("checkReplyShape says both pages' XML samples match", () => {
    expect(
      checkReplyShape("GetForwarding", fixture("pages/get-forwarding.page.xml"), { domain: DOCS }),
    ).toMatchObject({
      outcome: "matches",
    });
    expect(
      checkReplyShape("Forwarding", fixture("pages/forwarding.page.xml"), {
        domain: DOCS,
        aliases: [{ alias: "jane.doe", forwardTo: "jane@example.net" }],
      }),
    ).toMatchObject({ outcome: "matches" });
  });
});
