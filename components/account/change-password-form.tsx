"use client";

import Link from "next/link";
import { useState, type ChangeEvent } from "react";
import { PasswordStrength } from "@/components/account/password-strength";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { changeOwnPasswordAction } from "@/lib/actions/account";
import { changePasswordSchema, PANEL_PASSWORD_MIN, type ChangePasswordInput } from "@/lib/validation/account";

const NO_PASSWORDS: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * The change, then this browser's stale session cookie dropped: the server has already ended the
 * session, and this only clears the cookie, without navigating. next-auth's client loads only then:
 * it is not worth its weight in the page's first load.
 */
async function changeAndForgetSession(input: ChangePasswordInput) {
  const result = await changeOwnPasswordAction(input);
  if (result.ok)
    await import("next-auth/react")
      .then(({ signOut }) => signOut({ redirect: false }))
      .catch(() => undefined);
  return result;
}

/**
 * Changes the signed-in user's own password. A change signs the user out everywhere (see
 * `changeOwnPasswordAction`), so on success this browser's session cookie is dropped too and the
 * user is asked to sign in again with the new password. `accountEmail` and `accountName` feed the
 * strength meter: a password must not be built from them.
 */
export function ChangePasswordForm({
  signInPath = "/sign-in",
  accountEmail = "",
  accountName = "",
}: {
  signInPath?: string;
  accountEmail?: string;
  accountName?: string;
}) {
  const [passwords, setPasswords] = useState<ChangePasswordInput>(NO_PASSWORDS);
  const change = useFormAction(changePasswordSchema, changeAndForgetSession);
  const set = (key: keyof ChangePasswordInput) => (event: ChangeEvent<HTMLInputElement>) =>
    setPasswords({ ...passwords, [key]: event.target.value });

  if (change.result?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your password has been changed">
          {change.result.message}
        </Alert>
        <Link href={signInPath} className={buttonClasses()}>
          Sign in again
        </Link>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(passwords);
      }}
      aria-label="Change your password"
      className="space-y-4"
      noValidate
    >
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
        value={passwords.currentPassword}
        onChange={set("currentPassword")}
        errors={change.fieldErrors.currentPassword}
      />
      <div className="space-y-2">
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PANEL_PASSWORD_MIN}
          hint={`At least ${PANEL_PASSWORD_MIN} characters. A few unrelated words are easy to remember and hard to guess.`}
          value={passwords.newPassword}
          onChange={set("newPassword")}
          errors={change.fieldErrors.newPassword}
        />
        <PasswordStrength
          password={passwords.newPassword}
          userInputs={[accountEmail, accountName]}
          fieldErrors={change.fieldErrors.newPassword}
        />
      </div>
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        value={passwords.confirmPassword}
        onChange={set("confirmPassword")}
        errors={change.fieldErrors.confirmPassword}
      />
      <FormMessage state={change.result ?? undefined} />
      <Button type="submit" disabled={change.pending}>
        {change.pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
