import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiClientFiles } from "./generate";

/**
 * The typed client's files are generated from the operations' zod schemas and committed.
 * `npm run api:client` writes them (this file with API_CLIENT_WRITE=1); otherwise this test fails
 * when they are older than the code, so the document and the client never drift from the API.
 */
const directory = path.resolve(__dirname);

describe("the generated API client", () => {
  it("is up to date with the operations (npm run api:client writes it)", async () => {
    const files = await apiClientFiles();
    for (const [name, text] of Object.entries(files)) {
      const target = path.join(directory, name);
      if (process.env.API_CLIENT_WRITE === "1") await writeFile(target, text);
      const committed = await readFile(target, "utf8").catch(() => "");
      expect(committed, `lib/api/client/${name} is stale: run npm run api:client`).toBe(text);
    }
  }, 60_000);
});
