import { randomUUID } from "node:crypto";
import { createConnection } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { redisClient } from "@/lib/auth/rate-limit";
import { consumeApiRateLimit, createApiRateLimiter } from "./rate-limit";

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
if (!available) console.warn(`Redis does not answer at ${REDIS_URL}: the Redis API limit tests are skipped.`);

afterAll(async () => {
  if (available) await redisClient(REDIS_URL).quit();
});

describe.skipIf(!available)("API rate limit per key, in Redis", () => {
  it("is shared by every panel instance on the same Redis server", async () => {
    // Two limiters stand for two panel instances; only Redis connects them.
    const panelA = createApiRateLimiter({ perMinute: 4, redisUrl: REDIS_URL });
    const panelB = createApiRateLimiter({ perMinute: 4, redisUrl: REDIS_URL });
    const key = randomUUID();
    const remaining = [];
    for (let call = 0; call < 4; call += 1) {
      const answer = await consumeApiRateLimit(key, call % 2 ? panelA : panelB);
      remaining.push(answer.ok ? answer.remaining : -1);
    }
    expect(remaining).toEqual([3, 2, 1, 0]);
    const refused = await consumeApiRateLimit(key, panelA);
    expect(refused).toMatchObject({ ok: false, limit: 4 });
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(await consumeApiRateLimit(randomUUID(), panelB)).toMatchObject({ ok: true, remaining: 3 });
    // The count lives in Redis under the key's id.
    expect(Number(await redisClient(REDIS_URL).get(`mailpak:api:key:${key}`))).toBe(5);
  });
});
