"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { changeOwnPasswordAction, type PasswordChanged } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/actions/result";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";

type State = ActionResult<PasswordChanged> | null;

/**
 * Changes the signed-in user's own password. A change signs the user out everywhere (see
 * `changeOwnPasswordAction`), so on success this browser's session cookie is dropped too and the
 * user is asked to sign in again with the new password.
 */
export function ChangePasswordForm({ signInPath = "/sign-in" }: { signInPath?: string }) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (previous, formData) => {
    const result = await changeOwnPasswordAction(previous, formData);
    // The server has already ended the session; this only clears the stale cookie, without navigating.
    // next-auth's client loads only then: it is not worth its weight in the page's first load.
    if (result.ok)
      await import("next-auth/react")
        .then(({ signOut }) => signOut({ redirect: false }))
        .catch(() => undefined);
    return result;
  }, null);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your password has been changed">
          {state.message}
        </Alert>
        <Link href={signInPath} className={buttonClasses()}>
          Sign in again
        </Link>
      </div>
    );
  }

  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} aria-label="Change your password" className="space-y-4" noValidate>
      <p className="text-sm text-muted">
        After the change you are signed out on every device, this one included, and sign in again with the new
        password.
      </p>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PANEL_PASSWORD_MIN}
        hint={`At least ${PANEL_PASSWORD_MIN} characters. A few unrelated words are easy to remember and hard to guess.`}
        errors={errors?.newPassword}
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
      <FormMessage state={state ?? undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
