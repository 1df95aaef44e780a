"use server";

import { revalidatePath } from "next/cache";
import {
  createWebhookEndpoint,
  endpointUrlProblem,
  removeWebhookEndpoint,
  resendWebhookDelivery,
  rollWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import {
  createWebhookEndpointSchema,
  resendWebhookDeliverySchema,
  setWebhookEnabledSchema,
  updateWebhookEndpointSchema,
  webhookEndpointIdSchema,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from "@/lib/webhooks/model";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * Settings → Webhooks: admins register the addresses that receive the panel's events, with the
 * events each wants. Every action is `settings.manage` (admins), audited under `webhook.*`; a
 * signing secret is returned only by the action that made it and never audited or logged.
 */

const PATH = "/settings/webhooks";

function refused(problem: string): ActionResult<never> {
  return { ok: false, message: problem, fieldErrors: { url: [problem] } };
}

export const createWebhookEndpointAction = userAction(
  { name: "webhook.create", schema: createWebhookEndpointSchema, permission: "settings.manage" },
  async (
    input,
    { user, audit },
  ): Promise<ActionResult<{ endpoint: WebhookEndpointView; secret: string }>> => {
    const problem = endpointUrlProblem(input.url);
    if (problem) return refused(problem);
    const { endpoint, secret } = await createWebhookEndpoint(user, input);
    await audit({
      outcome: "ok",
      summary: `Added the webhook endpoint ${endpoint.url} for ${input.events.join(", ")}`,
      details: { endpointId: endpoint.id, url: endpoint.url, events: endpoint.events },
    });
    revalidatePath(PATH);
    return {
      ok: true,
      data: { endpoint, secret },
      message: "Endpoint added. Copy its signing secret now: it is shown only this once.",
    };
  },
);

export const updateWebhookEndpointAction = userAction(
  { name: "webhook.update", schema: updateWebhookEndpointSchema, permission: "settings.manage" },
  async (input, { user, audit }): Promise<ActionResult<WebhookEndpointView>> => {
    const problem = endpointUrlProblem(input.url);
    if (problem) return refused(problem);
    const { before, after } = await updateWebhookEndpoint(user, input);
    const changed = (["url", "description", "events", "enabled"] as const).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    if (changed.length > 0)
      await audit({
        outcome: "ok",
        summary: `Changed the webhook endpoint ${after.url} (${changed.join(", ")})`,
        details: {
          endpointId: after.id,
          changed,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      });
    revalidatePath(PATH);
    return {
      ok: true,
      data: after,
      message: changed.length ? "Endpoint saved." : "Nothing to save: no changes.",
    };
  },
);

export const setWebhookEndpointEnabledAction = userAction(
  { name: "webhook.enable", schema: setWebhookEnabledSchema, permission: "settings.manage" },
  async (input, { user, audit }): Promise<ActionResult<WebhookEndpointView>> => {
    const { after } = await setWebhookEndpointEnabled(user, input.id, input.enabled);
    await audit({
      action: input.enabled ? "webhook.enable" : "webhook.disable",
      outcome: "ok",
      summary: `${input.enabled ? "Enabled" : "Disabled"} the webhook endpoint ${after.url}`,
      details: { endpointId: after.id },
    });
    revalidatePath(PATH);
    return {
      ok: true,
      data: after,
      message: input.enabled
        ? "Endpoint enabled: waiting events are sent now."
        : "Endpoint disabled: it gets no new events; deliveries already waiting are sent when it is enabled again.",
    };
  },
);

export const rollWebhookSecretAction = userAction(
  { name: "webhook.roll-secret", schema: webhookEndpointIdSchema, permission: "settings.manage" },
  async (
    input,
    { user, audit },
  ): Promise<ActionResult<{ endpoint: WebhookEndpointView; secret: string }>> => {
    const { endpoint, secret } = await rollWebhookSecret(user, input.id);
    await audit({
      outcome: "ok",
      summary: `Rolled the signing secret of the webhook endpoint ${endpoint.url}; the old one no longer signs`,
      details: { endpointId: endpoint.id },
    });
    revalidatePath(PATH);
    return {
      ok: true,
      data: { endpoint, secret },
      message: "New secret made. Copy it now: it is shown only this once, and the old one no longer signs.",
    };
  },
);

export const deleteWebhookEndpointAction = userAction(
  { name: "webhook.delete", schema: webhookEndpointIdSchema, permission: "settings.manage" },
  async (input, { user, audit }): Promise<ActionResult<{ id: string }>> => {
    const endpoint = await removeWebhookEndpoint(user, input.id);
    await audit({
      outcome: "ok",
      summary: `Deleted the webhook endpoint ${endpoint.url} and its delivery log`,
      details: { endpointId: endpoint.id, url: endpoint.url },
    });
    // Not revalidated: the page showing it would re-render as "not found"; the form goes to the list.
    return { ok: true, data: { id: endpoint.id }, message: "Endpoint deleted." };
  },
);

export const sendTestWebhookAction = userAction(
  { name: "webhook.test", schema: webhookEndpointIdSchema, permission: "settings.manage" },
  async (input, { user, audit }): Promise<ActionResult<{ eventId: string }>> => {
    const { endpoint, eventId } = await sendTestWebhook(user, input.id);
    await audit({
      outcome: "ok",
      summary: `Sent a test event to the webhook endpoint ${endpoint.url}`,
      details: { endpointId: endpoint.id, eventId },
    });
    revalidatePath(PATH);
    return {
      ok: true,
      data: { eventId },
      message: endpoint.enabled
        ? "Test event queued; its delivery shows in the log below."
        : "Test event queued; it is sent once the endpoint is enabled.",
    };
  },
);

export const resendWebhookDeliveryAction = userAction(
  { name: "webhook.resend", schema: resendWebhookDeliverySchema, permission: "settings.manage" },
  async (input, { user, audit }): Promise<ActionResult<WebhookDeliveryView>> => {
    const resent = await resendWebhookDelivery(user, input.deliveryId);
    if ("inFlight" in resent)
      return {
        ok: false,
        message: "This event is being sent right now. Wait a minute, then look at the log again.",
      };
    const { delivery, endpoint } = resent;
    await audit({
      outcome: "ok",
      summary: `Resent the ${delivery.eventType} event ${delivery.eventId} to the webhook endpoint ${endpoint.url}`,
      details: { endpointId: endpoint.id, deliveryId: delivery.id, eventId: delivery.eventId },
    });
    revalidatePath(PATH);
    return { ok: true, data: delivery, message: "Queued to be sent again with the same event id." };
  },
);
