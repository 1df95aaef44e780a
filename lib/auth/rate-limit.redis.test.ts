import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_MAX_FAILURES,
  blockedFor,
  consumePoint,
  createSignInLimiters,
  redisClient,
} from "./rate-limit";

/** The Redis server beside the tests (DEVELOPERS.md); in CI it must answer. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisListens(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const available = await redisListens();
if (!available && process.env.CI) throw new Error(`Redis does not answer at ${REDIS_URL}; CI needs it.`);
if (!available)
  console.warn(`Redis does not answer at ${REDIS_URL}: the Redis sign-in limit tests are skipped.`);

afterAll(async () => {
  if (available) await redisClient(REDIS_URL).quit();
});

describe.skipIf(!available)("sign-in limits kept in Redis", () => {
  it("lock an account for every panel instance that shares the Redis server", async () => {
    // Two limiters stand for two panel instances; only Redis connects them.
    const panelA = createSignInLimiters(REDIS_URL);
    const panelB = createSignInLimiters(REDIS_URL);
    const email = `redis-${randomBytes(6).toString("hex")}@example.test`;

    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i += 1) {
      expect(await consumePoint(i % 2 ? panelA.account : panelB.account, email)).toBeNull();
    }
    expect(await blockedFor(panelA.account, email, ACCOUNT_MAX_FAILURES)).toBeNull();
    const wait = await consumePoint(panelB.account, email);
    expect(wait ?? (await blockedFor(panelB.account, email, ACCOUNT_MAX_FAILURES))).toBeGreaterThan(0);
    expect(await blockedFor(panelA.account, email, ACCOUNT_MAX_FAILURES)).toBeGreaterThan(14 * 60 * 1000);

    // An admin's unlock on one instance frees the account on the other.
    await panelA.account.delete(email);
    expect(await blockedFor(panelB.account, email, ACCOUNT_MAX_FAILURES)).toBeNull();
  });
});
