/** What the catch-all field takes; zod-free so the domain page shows it before the schemas load. */
export const CATCH_ALL_HINT =
  "A mailbox of this domain (such as info), an outside address, or empty to turn it off.";
