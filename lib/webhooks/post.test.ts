import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post";
import { startTestReceiver, type TestReceiver } from "./receiver.testing";
import { INTERNAL_ADDRESS_REFUSED, isInternalAddress } from "./url-policy";

/** One POST of a delivery: what counts as received, and where it will not go. */

let receiver: TestReceiver;
const answers = new Map<string, number>([
  ["/ok", 204],
  ["/moved", 302],
  ["/broken", 500],
]);

beforeAll(async () => {
  receiver = await startTestReceiver((nth, body) => answers.get(JSON.parse(body).path as string) ?? 200);
});

afterAll(() => receiver.close());

const send = (path: string, allowPrivate = true) =>
  postWebhook(receiver.url, { "webhook-id": "evt" }, JSON.stringify({ path }), {
    timeoutMs: 2_000,
    allowPrivate,
  });

describe("postWebhook", () => {
  it("a 2xx is received; a redirect or an error status is a failed attempt, and no redirect is followed", async () => {
    expect(await send("/ok")).toEqual({ ok: true, statusCode: 204, error: null });
    expect(await send("/moved")).toMatchObject({
      ok: false,
      statusCode: 302,
      error: expect.stringMatching(/HTTP 302/),
    });
    expect(await send("/broken")).toMatchObject({ ok: false, statusCode: 500 });
    const last = receiver.received.at(-1);
    expect(last?.headers["content-type"]).toBe("application/json");
    expect(last?.headers["webhook-id"]).toBe("evt");
    expect(receiver.received).toHaveLength(3);
  });

  it("refuses a loopback address, and a host name that resolves to one, unless private addresses are allowed", async () => {
    const before = receiver.received.length;
    expect(await send("/ok", false)).toMatchObject({
      ok: false,
      statusCode: null,
      error: INTERNAL_ADDRESS_REFUSED,
    });
    // This machine's own name resolves inside (loopback or a private network) on any test machine.
    const name = hostname();
    const { address } = await lookup(name);
    if (isInternalAddress(address)) {
      const url = receiver.url.replace("127.0.0.1", name);
      const refused = await postWebhook(url, {}, "{}", { timeoutMs: 2_000, allowPrivate: false });
      expect(refused).toMatchObject({ ok: false, error: INTERNAL_ADDRESS_REFUSED });
    }
    expect(receiver.received).toHaveLength(before);
  });

  it("says when nothing listens", async () => {
    const closed = await startTestReceiver();
    await closed.close();
    const result = await postWebhook(closed.url, {}, "{}", { timeoutMs: 2_000, allowPrivate: true });
    expect(result).toEqual({ ok: false, statusCode: null, error: "The connection was refused." });
  });
});
