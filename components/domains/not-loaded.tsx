/**
 * A figure the panel has not read from eNom yet (a domain's pak details come from one GetPOP3 per
 * domain, read behind the page): a dash for the eye and words for screen readers, never a zero.
 */
export function NotLoadedYet({ failed = false }: { failed?: boolean }) {
  const words = failed ? "could not be loaded" : "not loaded yet";
  return (
    <span
      className="text-muted"
      title={failed ? "Could not be loaded; reload to try again" : "Not loaded yet"}
    >
      <span aria-hidden="true">—</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
