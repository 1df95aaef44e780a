"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import {
  checkInBrowser,
  fieldErrorsOf,
  initialFormState,
  keptValues,
  textOf,
  type FormState,
} from "@/components/users/form-state";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { formDataToObject } from "@/lib/actions/result";
import { requestPasswordResetSchema } from "@/lib/validation/password-reset";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function RequestResetForm() {
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result =
        checkInBrowser(requestPasswordResetSchema, input) ?? (await requestPasswordResetAction(input));
      return { result, values: keptValues(input) };
    },
    initialFormState(),
  );

  if (state.result?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Check your email">
          {state.result.message}
        </Alert>
        <Link href="/sign-in" className="text-sm font-medium text-accent underline underline-offset-4">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} aria-label="Reset your password" noValidate className="flex flex-col gap-4">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={textOf(state.values, "email")}
        errors={fieldErrorsOf(state.result)?.email}
      />
      <FormMessage state={state.result ?? undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </Button>
      <Link href="/sign-in" className="text-sm font-medium text-accent underline underline-offset-4">
        Back to sign in
      </Link>
    </form>
  );
}
