import { describe, expect, it } from "vitest";
import { pakDeletionProblem } from "@/lib/validation/paks";

const TODAY = "2026-03-15";
const current = { bundleId: 500, expires: "2026-09-01" };

describe("whether a pak can be deleted from the panel", () => {
  it("lets a current pak go with its mailboxes, and an empty pak whatever its expiry", () => {
    expect(pakDeletionProblem(current, ["anna", "sixteen-chars-ok"], TODAY)).toBeNull();
    expect(pakDeletionProblem({ bundleId: 501, expires: "2025-01-01" }, [], TODAY)).toBeNull();
  });

  it("refuses a pak with a mailbox name DeletePOP3 cannot take (over 16 characters), naming it", () => {
    const problem = pakDeletionProblem(current, ["anna", "seventeen-chars-x"], TODAY);
    expect(problem).toMatch(
      /^Pak 500 cannot be deleted here: .* at most 16 characters, and seventeen-chars-x has more\./,
    );
    expect(problem).toMatch(/Nothing was deleted\.$/);
  });

  it("refuses an expired pak with mailboxes: DeletePOP3 needs a current pak", () => {
    expect(pakDeletionProblem({ bundleId: 502, expires: "2026-03-14" }, ["anna"], TODAY)).toBe(
      "Pak 502 expired on 2026-03-14, and the email service deletes mailboxes only from a pak that is current. Renew the pak first, or ask the email service's support to delete it. Nothing was deleted.",
    );
    expect(pakDeletionProblem({ bundleId: 502, expires: TODAY }, ["anna"], TODAY)).toBeNull();
  });
});
