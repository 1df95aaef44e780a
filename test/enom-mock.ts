/**
 * Lets a test decide which eNom client the app's `getEnomClient()` returns, usually one pointed
 * at a simulator the test started:
 *   vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));
 *   import { testEnom } from "@/test/enom-mock";
 *   testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
 */
import type { EnomClient } from "@/lib/enom";

export const testEnom: { client: EnomClient | null } = { client: null };

export async function withTestClient(importOriginal: () => Promise<unknown>) {
  const actual = (await importOriginal()) as Record<string, unknown>;
  return {
    ...actual,
    getEnomClient: () => {
      if (!testEnom.client) throw new Error("The test has not set its eNom client yet.");
      return testEnom.client;
    },
  };
}
