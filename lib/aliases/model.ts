/**
 * Aliases as the panel shows and changes them: plain data and pure functions, shared by the
 * server (lib/aliases/index.ts) and the browser (components/aliases). No server code here.
 */

/** One forward-only address of the domain. */
export interface AliasView {
  alias: string;
  /** alias@domain */
  address: string;
  forwardTo: string;
  /**
   * The service's status: false is "forwarding disabled". Nothing the panel sends can keep it
   * disabled, so any save of the list may turn it on (docs/enom.md, unknowns).
   */
  enabled: boolean;
  /** Why the service refused it, when it says. */
  rejectReason: string | null;
}

export interface DomainAliasesView {
  domain: string;
  aliases: AliasView[];
  /**
   * Records of the domain's forwarding list that belong to mailboxes (a mailbox's forward): they
   * count toward the limit and are written back untouched, but are managed in the mailbox grid.
   */
  mailboxForwards: number;
  /** Every record of the list, aliases and mailbox forwards: what the limit counts. */
  used: number;
  /** The domain's limit as the service states it; null when it did not say. */
  maxAliases: number | null;
  /** When the list was read (ISO instant): read live at every request, never from a copy. */
  fetchedAt: string;
}

/** What GET /api/domains/[domain]/aliases answers. */
export type DomainAliasesResponse = { ok: true; data: DomainAliasesView } | { ok: false; message: string };

export interface AliasWriteResult {
  aliases: DomainAliasesView;
  /** False when the list read back is not the one asked for (or could not be read): not confirmed. */
  confirmed: boolean;
  /** Said beside the outcome: the email service of the domain changed with the write. */
  warning: string | null;
}

/** One record of the list as it is written back. */
export interface AliasRecord {
  alias: string;
  forwardTo: string;
}

export type AliasChange =
  | { kind: "create"; alias: string; forwardTo: string }
  | { kind: "edit"; alias: string; forwardTo: string }
  | { kind: "delete"; alias: string }
  | { kind: "import"; rows: AliasRecord[] };

export type PlannedChange =
  | { ok: true; next: AliasRecord[]; summary: string }
  | {
      ok: false;
      message: string;
      /** Per-field problems: `alias`, or `rows.<i>.alias` for an import. */
      fieldErrors?: Record<string, string[]>;
    };

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function limitMessage(maxAliases: number, used: number): string {
  return `This domain may have at most ${maxAliases} aliases and forwards, and has ${used}. Delete one first.`;
}

export function mailboxClashMessage(alias: string, domain: string): string {
  return `${alias}@${domain} is a mailbox. An alias needs a name no mailbox has; to send that mailbox's mail elsewhere, set its forwarding in the mailbox list.`;
}

/**
 * Applies one change to the domain's whole forwarding list as just read, keeping every other
 * record as it is (the service deletes whatever the written list leaves out). Checks what only the
 * list shows: a name taken by a mailbox or another alias, an alias that is not there, the limit.
 */
export function planAliasChange(
  domain: string,
  current: readonly AliasRecord[],
  mailboxNames: ReadonlySet<string>,
  maxAliases: number | null,
  change: AliasChange,
): PlannedChange {
  const isMailbox = (name: string) => mailboxNames.has(name.toLowerCase());
  const find = (name: string) => current.find((record) => same(record.alias, name));
  const overLimit = (next: readonly AliasRecord[]) => maxAliases !== null && next.length > maxAliases;
  const keep = current.map((record) => ({ alias: record.alias, forwardTo: record.forwardTo }));

  switch (change.kind) {
    case "create": {
      if (isMailbox(change.alias)) {
        const message = mailboxClashMessage(change.alias, domain);
        return { ok: false, message, fieldErrors: { alias: [message] } };
      }
      if (find(change.alias)) {
        const message = `${change.alias}@${domain} is already an alias. Edit it instead.`;
        return { ok: false, message, fieldErrors: { alias: [message] } };
      }
      const next = [...keep, { alias: change.alias, forwardTo: change.forwardTo }];
      if (overLimit(next) && maxAliases !== null)
        return { ok: false, message: limitMessage(maxAliases, current.length) };
      return { ok: true, next, summary: `Created alias ${change.alias}@${domain} → ${change.forwardTo}` };
    }
    case "edit":
    case "delete": {
      const existing = find(change.alias);
      if (!existing || isMailbox(change.alias))
        return {
          ok: false,
          message: `${change.alias}@${domain} is not an alias of this domain (any more). The list now shows the current aliases.`,
        };
      if (change.kind === "delete")
        return {
          ok: true,
          next: keep.filter((record) => !same(record.alias, change.alias)),
          summary: `Deleted alias ${existing.alias}@${domain} (was → ${existing.forwardTo})`,
        };
      return {
        ok: true,
        next: keep.map((record) =>
          same(record.alias, change.alias) ? { alias: record.alias, forwardTo: change.forwardTo } : record,
        ),
        summary: `Alias ${existing.alias}@${domain} now forwards to ${change.forwardTo} (was ${existing.forwardTo})`,
      };
    }
    case "import": {
      const fieldErrors: Record<string, string[]> = {};
      change.rows.forEach((row, index) => {
        if (isMailbox(row.alias))
          fieldErrors[`rows.${index}.alias`] = [mailboxClashMessage(row.alias, domain)];
        else if (find(row.alias))
          fieldErrors[`rows.${index}.alias`] = [`${row.alias}@${domain} is already an alias.`];
      });
      const refused = Object.keys(fieldErrors).length;
      if (refused > 0)
        return {
          ok: false,
          message: `Nothing was imported: ${refused} of ${change.rows.length} rows cannot be added. Correct or remove them and import again.`,
          fieldErrors,
        };
      const next = [...keep, ...change.rows.map((row) => ({ alias: row.alias, forwardTo: row.forwardTo }))];
      if (overLimit(next) && maxAliases !== null)
        return {
          ok: false,
          message: `Nothing was imported: this domain may have at most ${maxAliases} aliases and forwards; it has ${current.length} and the file adds ${change.rows.length}.`,
        };
      return {
        ok: true,
        next,
        summary: `Imported ${change.rows.length} alias${change.rows.length === 1 ? "" : "es"} on ${domain}`,
      };
    }
  }
}

/** Whether the list read back is exactly the list written (names without case, addresses without case). */
export function sameList(a: readonly AliasRecord[], b: readonly AliasRecord[]): boolean {
  if (a.length !== b.length) return false;
  const key = (record: AliasRecord) => `${record.alias.toLowerCase()}\u0000${record.forwardTo.toLowerCase()}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((value, index) => value === right[index]);
}

/** "3 of 100 aliases" (or "3 aliases" when the limit is not known), for the panel's heading. */
export function usageText(
  view: Pick<DomainAliasesView, "aliases" | "used" | "maxAliases" | "mailboxForwards">,
): string {
  const count = view.aliases.length;
  const noun = `alias${count === 1 ? "" : "es"}`;
  if (view.maxAliases === null) return `${count} ${noun}`;
  const forwards = view.mailboxForwards
    ? ` (${view.used} of ${view.maxAliases} places used, counting ${view.mailboxForwards} mailbox forward${view.mailboxForwards === 1 ? "" : "s"})`
    : "";
  return view.mailboxForwards ? `${count} ${noun}${forwards}` : `${count} of ${view.maxAliases} ${noun}`;
}
