"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { requestPasswordResetSchema } from "@/lib/validation/password-reset";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function RequestResetForm() {
  const [email, setEmail] = useState("");
  const request = useFormAction(requestPasswordResetSchema, requestPasswordResetAction);

  if (request.result?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Check your email">
          {request.result.message}
        </Alert>
        <Link href="/sign-in" className="text-sm font-medium text-accent underline underline-offset-4">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void request.run({ email });
      }}
      aria-label="Reset your password"
      noValidate
      className="flex flex-col gap-4"
    >
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={request.fieldErrors.email}
      />
      <FormMessage state={request.result ?? undefined} />
      <Button type="submit" disabled={request.pending}>
        {request.pending ? "Sending…" : "Email me a link"}
      </Button>
      <Link href="/sign-in" className="text-sm font-medium text-accent underline underline-offset-4">
        Back to sign in
      </Link>
    </form>
  );
}
