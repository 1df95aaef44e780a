import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_EXAMPLES } from "./pages-fixture";
import { startEnomSimulator, type RunningSimulator } from "./server";
import { FIXED_NOW, parseHtmlReply, parseTextReply, parseXmlReply, errorsOf, text } from "./testing";

/**
 * Every example query printed on eNom's command pages, sent as printed, in each of the three
 * formats the pages print it in, one after the other on a freshly seeded simulator: each is
 * understood and answered, and where the seeded world breaks one of eNom's documented constraints
 * the answer is that constraint's refusal. With the legacy password switch the pages' 2011-2015
 * passwords (`resellpw`, `johnpw`) are accepted; without it, today's rule refuses them.
 */
const FORMATS = ["xml", "html", "text"] as const;
type Format = (typeof FORMATS)[number];

function errorsIn(format: Format, body: string): { errCount: string; errors: string[]; command: string } {
  if (format === "xml") {
    const reply = parseXmlReply(body);
    return { errCount: text(reply.ErrCount), errors: errorsOf(reply), command: text(reply.Command) };
  }
  const fields = format === "html" ? parseHtmlReply(body) : parseTextReply(body);
  const errors: string[] = [];
  for (let index = 1; fields.has(`Err${index}`); index++) errors.push(fields.get(`Err${index}`) ?? "");
  return { errCount: fields.get("ErrCount") ?? "", errors, command: fields.get("Command") ?? "" };
}

for (const legacy of [true, false])
  for (const format of FORMATS)
    describe(`eNom's page examples in ${format}, ${legacy ? "with" : "without"} the legacy password switch`, () => {
      let simulator: RunningSimulator;
      beforeAll(async () => {
        simulator = await startEnomSimulator({
          port: 0,
          statePath: null,
          now: () => FIXED_NOW,
          legacyPasswords: legacy,
        });
      });
      afterAll(() => simulator.close());
      const send = async (query: string) => {
        const response = await fetch(`${simulator.url}?${query}&responsetype=${format}`);
        expect(response.status).toBe(200);
        return errorsIn(format, await response.text());
      };

      // Sequential on purpose: each example relies on the ones before it.
      for (const example of PAGE_EXAMPLES)
        it(`${example.page}: ${example.command}`, async () => {
          const answer = await send(example.query);
          expect(answer.command).toBe(example.command);
          const expected = example.expectErrors?.(legacy) ?? [];
          expect(answer.errors).toEqual(expected);
          expect(answer.errCount).toBe(String(expected.length));
        });

      it("DeleteAllPOPPaks goes through once the domain's mailboxes are deleted, and again with none left", async () => {
        const mailboxes = "UserName1=john&UserName2=jane&UserName3=Jane.Doe";
        const deleted = await send(
          `command=DeletePOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&${mailboxes}`,
        );
        expect(deleted.errors).toEqual([]);
        const query = PAGE_EXAMPLES.find((example) => example.command === "DELETEALLPOPPAKS")?.query ?? "";
        expect((await send(query)).errors).toEqual([]);
        expect((await send(query)).errors).toEqual([]);
      });
    });

describe("what the pages' examples change", () => {
  it("ModifyPOP3 without BundleID changes the passwords GetPOP3 then returns", async () => {
    const simulator = await startEnomSimulator({ port: 0, statePath: null, legacyPasswords: true });
    try {
      const modify = PAGE_EXAMPLES.find((example) => example.command === "MODIFYPOP3")?.query ?? "";
      expect(modify).not.toMatch(/bundleid/i);
      await fetch(`${simulator.url}?${modify}&responsetype=xml`);
      const body = await (
        await fetch(
          `${simulator.url}?command=getpop3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml`,
        )
      ).text();
      expect(body).toContain("<username>john</username>\r\n    <password>johnpw</password>");
      expect(body).toContain("<username>jane</username>\r\n    <password>janepw</password>");
    } finally {
      await simulator.close();
    }
  });

  it("without the legacy switch, a password that contains the user name is eNom's error 48", async () => {
    const simulator = await startEnomSimulator({ port: 0, statePath: null });
    try {
      const body = await (
        await fetch(
          `${simulator.url}?command=modifypop3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&emailcount=1&username1=john&password1=John-pass2024&responsetype=xml`,
        )
      ).text();
      const reply = parseXmlReply(body);
      expect(errorsOf(reply)).toEqual(["Password rejected - contains username or other account info"]);
      expect(body).toContain("<ResponseNumber>48</ResponseNumber>");
      expect(text(reply.AccountsModified)).toBe("0");
      expect(text(reply.AccountsFailed)).toBe("1");
    } finally {
      await simulator.close();
    }
  });
});
