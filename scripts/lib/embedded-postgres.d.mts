/** Types of embedded-postgres.mjs, for the e2e specs (TypeScript) that use it. */
export function stopEmbeddedPostgres(dataDir: string): Promise<void>;
export function withStoppedEmbeddedPostgres<T>(
  dataDir: string,
  read: (url: string) => Promise<T>,
): Promise<T>;
