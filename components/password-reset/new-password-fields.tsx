import { TextField } from "@/components/ui/field";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";

/** A new password typed twice, with the panel's rule shown up front. */
export function NewPasswordFields({ errors }: { errors: Record<string, string[] | undefined> | undefined }) {
  return (
    <>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PANEL_PASSWORD_MIN}
        hint={`At least ${PANEL_PASSWORD_MIN} characters. A few unrelated words are easy to remember and hard to guess.`}
        errors={errors?.password}
      />
      <TextField
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirm}
      />
    </>
  );
}
