/** The sign-in form's sentences for the error codes of `lib/auth/options.ts`. */
export function signInMessage(code: string): string {
  const [kind, minutes] = code.split(":");
  const wait = Number(minutes) === 1 ? "1 minute" : `${minutes} minutes`;
  switch (kind) {
    case "invalid":
    case "CredentialsSignin":
      return "The email or password is incorrect.";
    case "locked":
      return `Too many failed attempts. Sign-in is paused for this account; try again in ${wait}.`;
    case "rate-limited":
      return `Too many failed sign-ins from your network. Try again in ${wait}.`;
    case "disabled":
      return "This account is disabled. Ask your administrator to enable it.";
    case "otp-invalid":
      return "That code is not valid. Check the time on your phone, or use one of your recovery codes.";
    default:
      return "Sign-in is not available right now. Please try again in a moment.";
  }
}

/** Characters browsers drop from a URL (tab, CR, LF), other controls, and `\\`, which they read as `/`. */
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

function percentDecoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Only paths on this site, so a crafted link cannot send the user elsewhere after sign-in. The
 * value is resolved against the panel's own origin as a browser would, and kept only when it
 * stays there; anything a browser could read differently (`/\t/evil.example`) goes to the start.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  origin: string = typeof window === "undefined" ? "http://panel.invalid" : window.location.origin,
): string {
  if (!value || !value.startsWith("/")) return "/";
  const decoded = percentDecoded(value);
  if (decoded === null || UNSAFE_IN_PATH.test(value) || UNSAFE_IN_PATH.test(decoded)) return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//host" would be read as another site when the router uses it.
  if (path.startsWith("//") || url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/"))
    return "/";
  return path;
}
