/**
 * The upstream provider's own words (its error texts), made fit for a white-labelled page: the
 * customer portal never names the provider, so its name becomes a neutral one.
 */
export function inServiceWords(text: string): string {
  return text.replace(/\beNom\b/gi, "the email service");
}
