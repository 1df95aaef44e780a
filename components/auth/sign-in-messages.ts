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

/** Only paths on this site, so a crafted link cannot send the user elsewhere after sign-in. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in")) return "/";
  return value;
}
