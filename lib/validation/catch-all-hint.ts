/** What the catch-all field takes; zod-free so the domain page shows it before the schemas load. */
export const CATCH_ALL_HINT =
  "A full address, such as info@example.com: a mailbox of this domain or an outside address.";

/** SetCatchAll documents no way to turn a catch-all off (its ForwardTo is required). */
export const CATCH_ALL_NO_OFF =
  "The email service's API has no setting to turn a catch-all off, so this panel cannot do it either. To stop it, send it to a mailbox you choose, or ask the email service's support.";
