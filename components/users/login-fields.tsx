"use client";

import type { ChangeEvent } from "react";
import { PasswordStrength } from "@/components/account/password-strength";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/actions/result";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";
import type { PasswordMode } from "@/lib/validation/users";

/** What is typed for a new login: an empty password means Mailpak generates one. */
export interface NewLogin {
  name: string;
  email: string;
  password: string;
}

export const EMPTY_LOGIN: NewLogin = { name: "", email: "", password: "" };

/** The action's input: the action is told whether the password was chosen or is to be generated. */
export function newLoginInput(login: NewLogin): NewLogin & { passwordMode: PasswordMode } {
  return { ...login, passwordMode: login.password ? "choose" : "generate" };
}

/**
 * Name, email and an optional temporary password: the fields every new login has, with the
 * strength of a chosen password measured as it is typed. The meter is there from the start, so
 * its live region is already in place when it first speaks.
 */
export function LoginFields({
  login,
  onChange,
  errors,
}: {
  login: NewLogin;
  onChange: (login: NewLogin) => void;
  errors: FieldErrors;
}) {
  const set = (key: keyof NewLogin) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...login, [key]: event.target.value });
  return (
    <>
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={100}
        value={login.name}
        onChange={set("name")}
        errors={errors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        value={login.email}
        onChange={set("email")}
        errors={errors.email}
        hint="They sign in with this address."
      />
      <div className="flex flex-col gap-2">
        <TextField
          label="Password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          value={login.password}
          onChange={set("password")}
          errors={errors.password}
          hint={`Leave empty and Mailpak generates a temporary password, shown to you once. If you choose one, use at least ${PANEL_PASSWORD_MIN} characters.`}
        />
        <PasswordStrength
          password={login.password}
          userInputs={[login.email, login.name]}
          fieldErrors={errors.password}
        />
      </div>
    </>
  );
}
