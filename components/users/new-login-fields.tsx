"use client";

import { TextField } from "@/components/ui/field";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";
import { textOf } from "./form-state";

/**
 * Name, email and an optional temporary password: the fields every new login has. An empty
 * password means Mailpak generates one; the password is never put back after an error.
 */
export function NewLoginFields({
  values,
  errors,
}: {
  values: Record<string, string | string[]>;
  errors: Record<string, string[] | undefined> | undefined;
}) {
  return (
    <>
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={100}
        defaultValue={textOf(values, "name")}
        errors={errors?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        defaultValue={textOf(values, "email")}
        errors={errors?.email}
        hint="They sign in with this address."
      />
      <TextField
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={errors?.password}
        hint={`Leave empty and Mailpak generates a temporary password, shown to you once. If you choose one, use at least ${PANEL_PASSWORD_MIN} characters.`}
      />
    </>
  );
}

/** The form sends a password only when one was typed; the action is told which way it was meant. */
export function withPasswordMode(
  input: Record<string, string | string[]>,
): Record<string, string | string[]> {
  return { ...input, passwordMode: textOf(input, "password") ? "choose" : "generate" };
}
