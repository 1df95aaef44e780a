"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { NewPasswordFields } from "@/components/password-reset/new-password-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import {
  checkInBrowser,
  fieldErrorsOf,
  keptValues,
  textOf,
  type FormState,
} from "@/components/users/form-state";
import { acceptInvitationAction, type InvitationAccepted } from "@/lib/actions/team";
import { formDataToObject } from "@/lib/actions/result";
import { acceptInvitationSchema } from "@/lib/validation/team";

/**
 * The invitee's name and password; once accepted, they are signed in with that password straight
 * away (it is still in this form's hands), or sent to sign in if that fails.
 */
export function AcceptInvitationForm({
  token,
  email,
  suggestedName,
}: {
  token: string;
  email: string;
  suggestedName: string;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<FormState<InvitationAccepted>, FormData>(
    async (_previous, formData) => {
      const input = { ...formDataToObject(formData), token };
      const result = checkInBrowser(acceptInvitationSchema, input) ?? (await acceptInvitationAction(input));
      if (result.ok) {
        const signedIn = await signIn("credentials", {
          email: result.data.email,
          password: String(formData.get("password") ?? ""),
          redirect: false,
        }).catch(() => undefined);
        router.replace(signedIn?.ok && !signedIn.error ? "/portal" : "/sign-in?notice=invitation-accepted");
        router.refresh();
      }
      return { result, values: keptValues(formDataToObject(formData)) };
    },
    { result: null, values: { name: suggestedName } },
  );

  return (
    <form action={formAction} aria-label="Accept the invitation" noValidate className="flex flex-col gap-4">
      <TextField
        label="Email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="You sign in with this address, where the invitation was sent."
      />
      <TextField
        key={`name-${textOf(state.values, "name")}`}
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={textOf(state.values, "name")}
        errors={fieldErrorsOf(state.result)?.name}
      />
      <NewPasswordFields errors={fieldErrorsOf(state.result)} />
      <FormMessage state={state.result ?? undefined} />
      <Button type="submit" disabled={pending || Boolean(state.result?.ok)}>
        {pending ? "Setting up…" : state.result?.ok ? "Signing you in…" : "Accept and sign in"}
      </Button>
    </form>
  );
}
