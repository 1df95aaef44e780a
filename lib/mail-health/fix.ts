import "server-only";
import { createHash } from "node:crypto";
import type { BoundAudit } from "@/lib/actions/builder";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import type { ActionResult } from "@/lib/actions/result";
import { getEnomClient } from "@/lib/enom";
import type { HostRecord as EnomHostRecord } from "@/lib/enom/types";
import { checkMailHealth, readStoredMailHealth, type StoredMailHealth } from "./check";
import { planMailFix, type FixPlan, type HostRecord, type HostRecordType } from "./fix-plan";
import { recordLine, type MailFixPreview } from "./view";

/**
 * The one-click fix of a domain's mail DNS. SetHosts replaces every host record of the domain
 * (set-hosts.md), so the fix reads them all with GetHosts first, writes back every one it does
 * not mean to change, and is refused if they changed between the preview the person approved and
 * the write. Where eNom does not host the DNS, the fix is the list of records to copy.
 */

/** The types SetHosts can write back (set-hosts.md's RecordTypeX); anything else stops the fix. */
const WRITABLE: ReadonlySet<string> = new Set<HostRecordType>([
  "A",
  "AAAA",
  "CNAME",
  "URL",
  "FRAME",
  "MX",
  "MXE",
  "TXT",
]);

function planRecords(records: readonly EnomHostRecord[]): HostRecord[] | { unwritable: string } {
  const mapped: HostRecord[] = [];
  for (const record of records) {
    const type = record.type.toUpperCase();
    if (!WRITABLE.has(type)) return { unwritable: type };
    mapped.push({
      name: record.name,
      type: type as HostRecordType,
      address: record.address,
      ...(record.mxPref === null ? {} : { mxPref: record.mxPref }),
    });
  }
  return mapped;
}

/** What the records were when read: the same list gives the same fingerprint. */
export function recordsFingerprint(records: readonly HostRecord[]): string {
  const canonical = records.map((r) => [r.name.toLowerCase(), r.type, r.address, r.mxPref ?? null]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 32);
}

interface Planned {
  stored: StoredMailHealth;
  plan: FixPlan | { kind: "refused"; message: string; notes: string[] };
  records: HostRecord[] | null;
}

/**
 * The fix as it stands: from `stored` (the check the person saw) when given, else from a fresh
 * check; a SetHosts plan is worked out from the host records, read now, either way.
 */
async function plan(domain: string, stored?: StoredMailHealth): Promise<Planned> {
  stored ??= await checkMailHealth(domain);
  if (stored.dnsAtProvider !== true)
    return {
      stored,
      records: null,
      plan: planMailFix({ health: stored.health, dns: { hostedByProvider: false } }),
    };
  const read = planRecords((await getEnomClient().getHosts({ domain })).records);
  if ("unwritable" in read)
    return {
      stored,
      records: null,
      plan: {
        kind: "refused",
        message: `This domain has a ${read.unwritable} record, which the panel cannot write back, so it will not rewrite the domain's records. Add the records below by hand in the DNS settings instead.`,
        notes: [],
      },
    };
  return {
    stored,
    records: read,
    plan: planMailFix({ health: stored.health, dns: { hostedByProvider: true, records: read } }),
  };
}

function previewOf({ plan: fix, records }: Planned): MailFixPreview {
  switch (fix.kind) {
    case "set-hosts":
      return {
        kind: "set-hosts",
        add: fix.add.map(({ record, reason }) => ({ record: recordLine(record), reason })),
        change: fix.change.map(({ before, after, reason }) => ({
          before: recordLine(before),
          after: recordLine(after),
          reason,
        })),
        remove: fix.remove.map(({ record, reason }) => ({ record: recordLine(record), reason })),
        kept: fix.keep.map(recordLine),
        notes: fix.notes,
        empty: fix.empty,
        fingerprint: recordsFingerprint(records ?? []),
      };
    case "too-many-records":
      return { kind: "refused", message: fix.message, notes: fix.notes };
    case "copy-records":
      return { kind: "copy-records", records: fix.records, notes: fix.notes, empty: fix.empty };
    default:
      return fix;
  }
}

/** Checks the domain again and says what the fix would do. Reads only. */
export async function previewMailFix(domain: string): Promise<MailFixPreview> {
  return previewOf(await plan(domain));
}

export type MailFixOutcome = { status: StoredMailHealth["status"]; written: number };

/**
 * Writes the fix approved as `fingerprint`. A SetHosts whose outcome is not known is never sent
 * again: the records are read back and compared with what was meant.
 */
export async function applyMailFix(
  domain: string,
  fingerprint: string,
  audit: BoundAudit,
): Promise<ActionResult<MailFixOutcome>> {
  // The preview just checked the domain: apply reads its host records again, not DNS and the service.
  const planned = await plan(domain, (await readStoredMailHealth(domain)) ?? undefined);
  const { plan: fix, records } = planned;
  if (fix.kind !== "set-hosts") {
    return {
      ok: false,
      message:
        fix.kind === "copy-records"
          ? "This domain's DNS is not hosted here, so the records must be added where it is; nothing was changed."
          : fix.message,
    };
  }
  if (!records || recordsFingerprint(records) !== fingerprint)
    return {
      ok: false,
      message:
        "The domain's DNS records changed since the fix was shown, so nothing was written. Review the fix again.",
    };
  if (fix.empty)
    return {
      ok: true,
      data: { status: planned.stored.status, written: 0 },
      message: "Nothing needed fixing.",
    };

  const client = getEnomClient();
  const details = {
    before: records.map(recordLine),
    after: fix.records.map(recordLine),
    added: fix.add.length,
    changed: fix.change.length,
    removed: fix.remove.length,
  };
  const summary = `Fixed the mail DNS records of ${domain}: ${fix.add.length} added, ${fix.change.length} changed, ${fix.remove.length} removed`;
  let trackingKey: string | null = null;
  try {
    trackingKey = (
      await client.setHosts({
        domain,
        records: fix.records.map((r) => ({
          name: r.name,
          type: r.type,
          address: r.address,
          ...(r.mxPref === undefined ? {} : { mxPref: r.mxPref }),
        })),
      })
    ).trackingKey;
  } catch (error) {
    const failure = describeEnomFailure(error);
    if (!failure) throw error;
    if (failure.outcome !== "unknown") {
      await audit({
        outcome: "failed",
        summary: `Could not fix the mail DNS records of ${domain}`,
        domain,
        details,
        enom: { trackingKey: failure.trackingKey, error: failure.enomError },
      });
      return { ok: false, message: failure.message };
    }
    // Not confirmed: read back what eNom holds now rather than send the whole list again.
    const now = await client.getHosts({ domain }).then(
      (read) => planRecords(read.records),
      () => null,
    );
    const made = Array.isArray(now) && recordsFingerprint(now) === recordsFingerprint(fix.records);
    if (!made) {
      await audit({
        outcome: "unknown",
        summary: `${summary} (not confirmed; it may have been made)`,
        domain,
        details,
        enom: { trackingKey: failure.trackingKey, error: failure.enomError },
      });
      return { ok: false, message: failure.message };
    }
  }
  await audit({ outcome: "ok", summary, domain, details, enom: { trackingKey } });
  const after = await checkMailHealth(domain);
  return {
    ok: true,
    data: { status: after.status, written: fix.records.length },
    message:
      after.status === "green"
        ? "The records were written and every check is now good."
        : "The records were written. Some checks may take a few minutes to show it, as DNS answers are kept for a while.",
  };
}
