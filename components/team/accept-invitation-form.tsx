"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  ChosenPasswordFields,
  NO_PASSWORD,
  type ChosenPassword,
} from "@/components/password-reset/chosen-password-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { acceptInvitationAction } from "@/lib/actions/team";
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
  const [name, setName] = useState(suggestedName);
  const [chosen, setChosen] = useState<ChosenPassword>(NO_PASSWORD);
  const accept = useFormAction(acceptInvitationSchema, acceptInvitationAction);
  const accepted = Boolean(accept.result?.ok);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await accept.run({ token, name, ...chosen });
    if (!result?.ok) return;
    const signedIn = await signIn("credentials", {
      email: result.data.email,
      password: chosen.password,
      redirect: false,
    }).catch(() => undefined);
    router.replace(signedIn?.ok && !signedIn.error ? "/portal" : "/sign-in?notice=invitation-accepted");
    router.refresh();
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-label="Accept the invitation"
      noValidate
      className="flex flex-col gap-4"
    >
      <TextField
        label="Email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="You sign in with this address, where the invitation was sent."
      />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        errors={accept.fieldErrors.name}
      />
      <ChosenPasswordFields
        value={chosen}
        onChange={setChosen}
        errors={accept.fieldErrors}
        userInputs={[email, name]}
      />
      <FormMessage state={accept.result ?? undefined} />
      <Button type="submit" disabled={accept.pending || accepted}>
        {accept.pending ? "Setting up…" : accepted ? "Signing you in…" : "Accept and sign in"}
      </Button>
    </form>
  );
}
