"use client";

import { PasswordStrength } from "@/components/account/password-strength";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/actions/result";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";

/** A new password typed twice (accepting an invitation, resetting a forgotten password). */
export interface ChosenPassword {
  password: string;
  confirm: string;
}

export const NO_PASSWORD: ChosenPassword = { password: "", confirm: "" };

/**
 * A new password typed twice, with the panel's rule shown up front and its strength measured as
 * it is typed. `userInputs` are the person's own details, which a password must not be built from.
 */
export function ChosenPasswordFields({
  value,
  onChange,
  errors,
  userInputs,
}: {
  value: ChosenPassword;
  onChange: (value: ChosenPassword) => void;
  errors: FieldErrors;
  userInputs: string[];
}) {
  return (
    <>
      <div className="flex flex-col gap-2">
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PANEL_PASSWORD_MIN}
          hint={`At least ${PANEL_PASSWORD_MIN} characters. A few unrelated words are easy to remember and hard to guess.`}
          value={value.password}
          onChange={(event) => onChange({ ...value, password: event.target.value })}
          errors={errors.password}
        />
        <PasswordStrength password={value.password} userInputs={userInputs} fieldErrors={errors.password} />
      </div>
      <TextField
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(event) => onChange({ ...value, confirm: event.target.value })}
        errors={errors.confirm}
      />
    </>
  );
}
