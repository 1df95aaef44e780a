/**
 * Where the account mirror stands, as pages show it: plain data, safe for the browser. Before the
 * first full sync has finished the lists say "Reading your account from … (N of M domains)"; the
 * caller names the service, since the portal never names eNom.
 */
export type MirrorStatus =
  | { state: "synced"; syncedAt: string }
  /** The first full sync is under way: `read` of `total` domains done (null while still listing). */
  | { state: "syncing"; read: number | null; total: number | null }
  /** The first full sync failed; `error` is for the user. */
  | { state: "failed"; error: string };

/** "Reading your account from the email service… (120 of 4,000 domains)". */
export function describeMirrorSync(status: MirrorStatus, service: string): string | null {
  switch (status.state) {
    case "synced":
      return null;
    case "syncing":
      return status.read !== null && status.total
        ? `Reading your account from ${service}… (${status.read.toLocaleString("en")} of ${status.total.toLocaleString("en")} domains)`
        : `Reading your account from ${service}…`;
    case "failed":
      return `Your account could not be read from ${service} yet: ${status.error}`;
  }
}
