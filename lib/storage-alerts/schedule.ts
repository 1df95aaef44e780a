import "server-only";

/**
 * Storage alerts run on a schedule over the account mirror, not inside each mirror read: the
 * pg-boss schedule `storage-alerts-send` (every 15 minutes, and two minutes after each start) in
 * lib/jobs/engine.ts calls `sendStorageAlerts`. The mirror is written from many places (the
 * nightly sync, each write's refresh, a view finding a domain stale), and none of them should
 * wait on a mail server; one pass reads the mirror once. pg-boss hands each pass to one instance,
 * and every alert is claimed in the database before its email goes out, so several instances
 * still send it once.
 */
export const STORAGE_ALERT_SCHEDULE = "*/15 * * * *";
