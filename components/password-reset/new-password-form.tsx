"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf } from "@/components/users/form-state";
import { resetPasswordAction, type PasswordReset } from "@/lib/actions/password-reset";
import { formDataToObject, type ActionResult } from "@/lib/actions/result";
import { resetPasswordSchema } from "@/lib/validation/password-reset";
import { NewPasswordFields } from "./new-password-fields";

/** Sets the new password from the emailed link, then on to sign in with it. */
export function NewPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionResult<PasswordReset> | null, FormData>(
    async (_previous, formData) => {
      const input = { ...formDataToObject(formData), token };
      const result = checkInBrowser(resetPasswordSchema, input) ?? (await resetPasswordAction(input));
      if (result.ok) router.replace("/sign-in?notice=password-reset");
      return result;
    },
    null,
  );
  return (
    <form action={formAction} aria-label="Choose a new password" noValidate className="flex flex-col gap-4">
      <NewPasswordFields errors={fieldErrorsOf(state)} />
      <FormMessage state={state ?? undefined} />
      <Button type="submit" disabled={pending || Boolean(state?.ok)}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
