import "server-only";
import type { JobHandler } from "../handler";
import { deletePakJob, PAK_DELETE_KIND } from "./paks";
import { RENEW_JOB_KIND, renewPaksJob } from "./renewals";
import { MIRROR_SYNC_KIND, mirrorSyncJob } from "./scheduled";
import { createMailboxesJob, deleteMailboxesJob, MAILBOX_JOB_KINDS, resetPasswordsJob } from "./mailboxes";

/** Every kind of job run the runner knows, by `job_runs.kind`. */
export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  [MAILBOX_JOB_KINDS.create]: createMailboxesJob,
  [MAILBOX_JOB_KINDS.resetPasswords]: resetPasswordsJob,
  [MAILBOX_JOB_KINDS.delete]: deleteMailboxesJob,
  [PAK_DELETE_KIND]: deletePakJob,
  [RENEW_JOB_KIND]: renewPaksJob,
  [MIRROR_SYNC_KIND]: mirrorSyncJob,
};
