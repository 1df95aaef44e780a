import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
  webhookHeaders,
  WEBHOOK_TOLERANCE_SECONDS,
} from "./signature";

/**
 * Deliveries are signed as the Standard Webhooks specification says, so any of its libraries
 * verifies them; and the helper receivers may use refuses what it must.
 */

// The specification's own reference vector (standard-webhooks, libraries/javascript/src/webhook.test.ts).
const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signing", () => {
  it("matches the Standard Webhooks reference signature", () => {
    expect(signWebhook(SPEC)).toBe(SPEC.signature);
    // The whsec_ prefix is optional for the key, as in the reference libraries.
    expect(signWebhook({ ...SPEC, secret: SPEC.secret.slice("whsec_".length) })).toBe(SPEC.signature);
  });

  it("makes secrets of 32 random bytes with the whsec_ prefix", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("puts the id, the timestamp and the signature in the three headers", () => {
    const headers = webhookHeaders({
      secret: SPEC.secret,
      id: SPEC.id,
      body: SPEC.body,
      timestamp: SPEC.timestamp,
    });
    expect(headers).toEqual({
      "webhook-id": SPEC.id,
      "webhook-timestamp": String(SPEC.timestamp),
      "webhook-signature": SPEC.signature,
    });
  });
});

describe("verifyWebhookSignature", () => {
  const headers = {
    "webhook-id": SPEC.id,
    "webhook-timestamp": String(SPEC.timestamp),
    "webhook-signature": SPEC.signature,
  };
  const now = SPEC.timestamp + 10;

  it("accepts the reference message, with plain objects or Headers", () => {
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers, body: SPEC.body, now })).toEqual({
      ok: true,
      id: SPEC.id,
      timestamp: SPEC.timestamp,
    });
    expect(
      verifyWebhookSignature({ secret: SPEC.secret, headers: new Headers(headers), body: SPEC.body, now }).ok,
    ).toBe(true);
  });

  it("accepts any one matching signature among several (a secret being rolled)", () => {
    const several = {
      ...headers,
      "webhook-signature": `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc ${SPEC.signature}`,
    };
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers: several, body: SPEC.body, now }).ok).toBe(
      true,
    );
  });

  it("refuses another secret, a changed body, a changed id and a truncated signature", () => {
    const other = generateWebhookSecret();
    expect(verifyWebhookSignature({ secret: other, headers, body: SPEC.body, now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(
      verifyWebhookSignature({ secret: SPEC.secret, headers, body: '{"test": 2432232315}', now }).ok,
    ).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: SPEC.secret,
        headers: { ...headers, "webhook-id": "msg_other" },
        body: SPEC.body,
        now,
      }).ok,
    ).toBe(false);
    for (const signature of [
      SPEC.signature.slice(0, 8),
      "v1,",
      "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    ])
      expect(
        verifyWebhookSignature({
          secret: SPEC.secret,
          headers: { ...headers, "webhook-signature": signature },
          body: SPEC.body,
          now,
        }).ok,
      ).toBe(false);
  });

  it("refuses a timestamp older or newer than five minutes, even correctly signed", () => {
    const old = SPEC.timestamp + WEBHOOK_TOLERANCE_SECONDS + 1;
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers, body: SPEC.body, now: old })).toEqual({
      ok: false,
      reason: "too-old",
    });
    const early = SPEC.timestamp - WEBHOOK_TOLERANCE_SECONDS - 1;
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers, body: SPEC.body, now: early })).toEqual({
      ok: false,
      reason: "too-new",
    });
    // Re-signing a replayed body with a fresh timestamp needs the secret.
    const replay = { ...headers, "webhook-timestamp": String(now) };
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers: replay, body: SPEC.body, now }).ok).toBe(
      false,
    );
  });

  it("refuses missing headers and a timestamp that is not a number", () => {
    const { "webhook-id": _id, ...withoutId } = headers;
    expect(verifyWebhookSignature({ secret: SPEC.secret, headers: withoutId, body: SPEC.body, now })).toEqual(
      {
        ok: false,
        reason: "missing-headers",
      },
    );
    expect(
      verifyWebhookSignature({
        secret: SPEC.secret,
        headers: { ...headers, "webhook-timestamp": "hello" },
        body: SPEC.body,
        now,
      }),
    ).toEqual({ ok: false, reason: "bad-timestamp" });
  });
});
