"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useAction } from "@/components/use-action";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import {
  deleteWebhookEndpointAction,
  rollWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "@/lib/actions/webhooks";
import type { ActionResult } from "@/lib/actions/result";
import type { WebhookEndpointView } from "@/lib/webhooks/model";
import { EndpointFields, type EndpointDraft } from "./endpoint-fields";
import { WebhookSecret } from "./webhook-secret";

/**
 * One endpoint's settings: its address, description and events (saved together), and what an
 * admin does with it: send a test event, enable or disable it, roll its secret, delete it.
 */
export function WebhookEndpointSettings({ endpoint }: { endpoint: WebhookEndpointView }) {
  return (
    <div className="flex flex-col gap-6">
      <EndpointActions endpoint={endpoint} />
      <EditEndpoint endpoint={endpoint} />
    </div>
  );
}

function EditEndpoint({ endpoint }: { endpoint: WebhookEndpointView }) {
  const [draft, setDraft] = useState<EndpointDraft>({
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
  });
  const [outcome, setOutcome] = useState<ActionResult<unknown>>();
  const save = useAction(updateWebhookEndpointAction);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await save.run({ ...draft, id: endpoint.id, enabled: endpoint.enabled });
    if (result) setOutcome(result);
  };
  return (
    <Card aria-labelledby="edit-endpoint-title" className="max-w-3xl">
      <CardTitle className="mb-4">
        <span id="edit-endpoint-title">Address and events</span>
      </CardTitle>
      <form onSubmit={submit} noValidate aria-label="Edit the endpoint" className="flex flex-col gap-4">
        <EndpointFields draft={draft} onChange={setDraft} errors={save.fieldErrors} disabled={save.pending} />
        <FormMessage state={outcome} />
        <div>
          <Button type="submit" disabled={save.pending}>
            {save.pending ? "Saving…" : "Save endpoint"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function EndpointActions({ endpoint }: { endpoint: WebhookEndpointView }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<ActionResult<unknown>>();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"roll" | "delete" | null>(null);
  const test = useAction(sendTestWebhookAction);
  const toggle = useAction(setWebhookEndpointEnabledAction);
  const roll = useAction(rollWebhookSecretAction, { onSuccess: (data) => setSecret(data.secret) });
  const remove = useAction(deleteWebhookEndpointAction, {
    onSuccess: () => router.push("/settings/webhooks"),
  });
  const pending = test.pending || toggle.pending || roll.pending || remove.pending;
  const show = (result: ActionResult<unknown> | null) => {
    if (result) setOutcome(result);
  };

  return (
    <Card aria-labelledby="endpoint-actions-title" className="max-w-3xl">
      <CardTitle className="mb-1">
        <span id="endpoint-actions-title">Endpoint</span>
      </CardTitle>
      <p className="mb-4 text-sm text-muted">
        {endpoint.enabled
          ? "Enabled: events are sent as they happen."
          : "Disabled: it gets no new events; deliveries already waiting are sent once it is enabled again."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={async () => show(await test.run({ id: endpoint.id }))}
        >
          Send test event
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={async () => show(await toggle.run({ id: endpoint.id, enabled: !endpoint.enabled }))}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => setConfirm("roll")}>
          Roll secret
        </Button>
        <Button variant="danger" disabled={pending} onClick={() => setConfirm("delete")}>
          Delete endpoint
        </Button>
      </div>
      <FormMessage state={outcome} className="mt-4" />
      {secret ? (
        <div className="mt-4">
          <WebhookSecret secret={secret} />
        </div>
      ) : null}
      <Dialog
        open={confirm === "roll"}
        onClose={() => setConfirm(null)}
        title="Roll the signing secret?"
        description="A new secret signs every delivery from now on, retries included; the old one stops at once. Update the receiving system straight away."
      >
        <div className="flex gap-2">
          <Button
            data-autofocus
            disabled={pending}
            onClick={async () => {
              const result = await roll.run({ id: endpoint.id });
              setConfirm(null);
              show(result);
            }}
          >
            Roll secret
          </Button>
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title="Delete this endpoint?"
        description={`${endpoint.url} receives nothing more, and its delivery log is deleted with it.`}
      >
        <div className="flex gap-2">
          <Button
            variant="danger"
            data-autofocus
            disabled={pending}
            onClick={async () => {
              const result = await remove.run({ id: endpoint.id });
              if (result && !result.ok) {
                setConfirm(null);
                show(result);
              }
            }}
          >
            Delete endpoint
          </Button>
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
