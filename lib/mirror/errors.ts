/**
 * A part of a domain (its forwards, its catch-all) that the mirror has never managed to read:
 * there is no earlier read to show, so the page says it could not be loaded, never "none".
 */
export class MirrorNotReadError extends Error {
  override readonly name = "MirrorNotReadError";
  constructor(
    readonly domain: string,
    /** The latest read's failure as the mirror recorded it (for the user). */
    readonly reason: string | null,
  ) {
    super(`${domain} has not been read from eNom yet${reason ? `: ${reason}` : ""}`);
  }
}
