"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useAction } from "@/components/use-action";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { createWebhookEndpointAction } from "@/lib/actions/webhooks";
import type { ActionResult } from "@/lib/actions/result";
import type { WebhookEndpointView } from "@/lib/webhooks/model";
import { EMPTY_ENDPOINT, EndpointFields, type EndpointDraft } from "./endpoint-fields";
import { WebhookSecret } from "./webhook-secret";

/** Settings → Webhooks: "Add endpoint" and its dialog, which ends on the secret, shown once. */
export function AddWebhookEndpoint() {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const close = () => {
    setOpen(false);
    // The secret is forgotten with the dialog.
    setRound((value) => value + 1);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" className="size-4" />
        Add endpoint
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Add a webhook endpoint"
        description="The panel sends the events you choose to this address, each signed with the endpoint's secret."
      >
        <AddEndpointForm key={round} onDone={close} />
      </Dialog>
    </>
  );
}

function AddEndpointForm({ onDone }: { onDone: () => void }) {
  const [draft, setDraft] = useState<EndpointDraft>(EMPTY_ENDPOINT);
  const [outcome, setOutcome] = useState<ActionResult<unknown>>();
  const [created, setCreated] = useState<{ endpoint: WebhookEndpointView; secret: string } | null>(null);
  const create = useAction(createWebhookEndpointAction, { onSuccess: setCreated });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await create.run(draft);
    if (result) setOutcome(result);
  };

  if (created)
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={outcome} />
        <WebhookSecret secret={created.secret} />
        <div className="flex flex-wrap gap-2">
          <Button onClick={onDone} autoFocus>
            Done
          </Button>
          <Link
            href={`/settings/webhooks/${created.endpoint.id}`}
            className={buttonClasses("secondary")}
            onClick={onDone}
          >
            Open the endpoint
          </Link>
        </div>
      </div>
    );

  return (
    <form onSubmit={submit} noValidate aria-label="Add a webhook endpoint" className="flex flex-col gap-4">
      <EndpointFields
        draft={draft}
        onChange={setDraft}
        errors={create.fieldErrors}
        disabled={create.pending}
      />
      <FormMessage state={outcome} />
      <div>
        <Button type="submit" disabled={create.pending}>
          {create.pending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
