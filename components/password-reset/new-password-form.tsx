"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { resetPasswordAction } from "@/lib/actions/password-reset";
import { resetPasswordSchema } from "@/lib/validation/password-reset";
import { ChosenPasswordFields, NO_PASSWORD, type ChosenPassword } from "./chosen-password-fields";

/**
 * Sets the new password from the emailed link, then on to sign in with it. `userInputs` are the
 * account's own details when the page knows them, for the strength meter.
 */
export function NewPasswordForm({ token, userInputs = [] }: { token: string; userInputs?: string[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<ChosenPassword>(NO_PASSWORD);
  const reset = useFormAction(resetPasswordSchema, resetPasswordAction, {
    onSuccess: () => router.replace("/sign-in?notice=password-reset"),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void reset.run({ token, ...chosen });
      }}
      aria-label="Choose a new password"
      noValidate
      className="flex flex-col gap-4"
    >
      <ChosenPasswordFields
        value={chosen}
        onChange={setChosen}
        errors={reset.fieldErrors}
        userInputs={userInputs}
      />
      <FormMessage state={reset.result ?? undefined} />
      <Button type="submit" disabled={reset.pending || Boolean(reset.result?.ok)}>
        {reset.pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
