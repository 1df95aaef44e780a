import type { PakView } from "@/lib/domains/types";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { paksWithRoom } from "./paks";

/**
 * The "Add mailboxes" draft, kept by the grid so closing the dialog or a failure keeps what was
 * typed. Apart from the dialog, so the grid has it before the dialog's code (and zod) is loaded.
 */

export interface DraftRow {
  key: number;
  userName: string;
  password: string;
  displayName: string;
  isAdmin: boolean;
  /** Why this row failed when it was last sent. */
  error?: string;
}

export interface CreateDraft {
  bundleId: number | null;
  rows: DraftRow[];
}

let rowKeys = 0;
/**
 * A row of the draft. Its starting password is generated for the domain; the user name is not
 * known yet, so the dialog checks (and offers to regenerate) once it is typed.
 */
export function newDraftRow(domain: string, values: Partial<DraftRow> = {}): DraftRow {
  rowKeys += 1;
  return {
    key: rowKeys,
    userName: "",
    password: generateMailboxPassword({ domain }),
    displayName: "",
    isAdmin: false,
    ...values,
  };
}

/** The pak with the most free mailboxes, when the draft names none that still has room. */
export function defaultPak(paks: readonly PakView[], wanted: number | null): number | null {
  const open = paksWithRoom(paks);
  if (wanted !== null && open.some((pak) => pak.bundleId === wanted)) return wanted;
  return [...open].sort((a, b) => b.available - a.available)[0]?.bundleId ?? null;
}
