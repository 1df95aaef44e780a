"use client";

import { useId } from "react";
import { CheckboxField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/actions/result";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/model";

export interface EndpointDraft {
  url: string;
  description: string;
  events: WebhookEvent[];
}

export const EMPTY_ENDPOINT: EndpointDraft = { url: "", description: "", events: [] };

/** The address, a description and the events it wants: shared by "Add endpoint" and its edit form. */
export function EndpointFields({
  draft,
  onChange,
  errors,
  disabled,
}: {
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const legendId = useId();
  const toggle = (event: WebhookEvent, checked: boolean) =>
    onChange({
      ...draft,
      events: checked ? [...draft.events, event] : draft.events.filter((value) => value !== event),
    });
  return (
    <>
      <TextField
        label="Address (URL)"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://billing.example.com/hooks/mailpak"
        value={draft.url}
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
        errors={errors.url}
        disabled={disabled}
        data-autofocus
        hint="The panel POSTs each event here as JSON; any 2xx answer counts as received."
      />
      <TextField
        label="Description (optional)"
        name="description"
        value={draft.description}
        maxLength={200}
        onChange={(event) => onChange({ ...draft, description: event.target.value })}
        errors={errors.description}
        disabled={disabled}
      />
      <fieldset
        aria-describedby={errors.events?.length ? `${legendId}-error` : undefined}
        className="flex flex-col gap-2"
      >
        <legend id={legendId} className="mb-1 text-sm font-medium">
          Events to send
        </legend>
        {WEBHOOK_EVENTS.map((event) => (
          <CheckboxField
            key={event}
            name="events"
            value={event}
            label={event}
            hint={WEBHOOK_EVENT_LABELS[event]}
            checked={draft.events.includes(event)}
            onChange={(change) => toggle(event, change.target.checked)}
            disabled={disabled}
          />
        ))}
        <div id={`${legendId}-error`} aria-live="polite">
          {errors.events?.map((error) => (
            <p key={error} className="text-xs font-medium text-danger">
              {error}
            </p>
          ))}
        </div>
      </fieldset>
    </>
  );
}
