"use client";

import { Send } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { sendSetupInstructionsAction } from "@/lib/mail-setup/actions";
import { sendSetupInstructionsSchema } from "@/lib/mail-setup/model";

type Recipient = "mailbox" | "other";

/**
 * Sends the setup instructions by email: to the mailbox itself (read in webmail), or to another
 * address its user already reads. The email never holds a password; the form says so.
 */
export function SendSetupInstructions({
  domain,
  userName,
  address,
}: {
  domain: string;
  userName: string;
  address: string;
}) {
  const [recipient, setRecipient] = useState<Recipient>("mailbox");
  const [to, setTo] = useState("");
  const send = useFormAction(sendSetupInstructionsSchema, sendSetupInstructionsAction);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send.run(
      recipient === "other" ? { domain, userName, recipient, to } : { domain, userName, recipient },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Send to</legend>
        {(
          [
            { value: "mailbox", label: address, detail: "The mailbox itself, to read in webmail." },
            {
              value: "other",
              label: "Another address",
              detail: "One its user reads already, such as a personal one.",
            },
          ] as const
        ).map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-start gap-3 text-sm">
            <input
              type="radio"
              name="recipient"
              value={choice.value}
              checked={recipient === choice.value}
              onChange={() => setRecipient(choice.value)}
              className="mt-0.5 size-4 accent-[var(--color-accent)]"
            />
            <span>
              <span className="block font-medium [overflow-wrap:anywhere]">{choice.label}</span>
              <span className="block text-xs text-muted">{choice.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {recipient === "other" ? (
        <TextField
          label="Email address"
          name="to"
          type="email"
          autoComplete="off"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          errors={send.fieldErrors.to}
          className="max-w-md"
        />
      ) : null}
      <p className="text-xs text-muted">The email holds the settings and links above, never a password.</p>
      <FormMessage state={send.result ?? undefined} />
      <div>
        <Button type="submit" disabled={send.pending}>
          <Send aria-hidden="true" className="size-4" />
          {send.pending ? "Sending…" : "Send setup instructions"}
        </Button>
      </div>
    </form>
  );
}
