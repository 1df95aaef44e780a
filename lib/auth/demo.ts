/** The demo's logins live under this domain; a production start without MAILPAK_DEMO=1 refuses them. */
export const DEMO_EMAIL_DOMAIN = "demo.test";
export const DEMO_PASSWORD = "demo-password";

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}
