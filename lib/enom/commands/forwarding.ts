import "server-only";
import { z } from "zod";
import { optionalText } from "../parse/fields";
import type { ReplyRecord } from "../parse/reply";
import {
  catchAllSchema,
  domainOnlyInputSchema,
  popForwardingInputSchema,
  popForwardingSchema,
  setCatchAllInputSchema,
  setPopForwardingInputSchema,
} from "../schemas";
import { defineCommand, domainParams } from "./command";

/**
 * An echoed setting: present-but-empty means "off" (null); absent means eNom did not echo it,
 * in which case a write's own input is what eNom accepted (ErrCount was 0).
 */
function echoed(reply: ReplyRecord, name: string, fallback: string | null): string | null {
  return Object.hasOwn(reply, name) ? optionalText.parse(reply[name]) : fallback;
}

/** GetCatchAll: where mail to unknown addresses of the domain goes; null when it bounces. */
export const getCatchAll = defineCommand({
  command: "GetCatchAll",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: (reply, envelope) =>
    catchAllSchema.parse({ catchAll: echoed(reply, "catchall", null), trackingKey: envelope.trackingKey }),
});

/** SetCatchAll: a mailbox of the domain, an outside address, or null (`CatchAll=`) to turn it off. */
export const setCatchAll = defineCommand({
  command: "SetCatchAll",
  kind: "write",
  input: setCatchAllInputSchema,
  params: ({ domain, catchAll }) => ({ ...domainParams(domain), CatchAll: catchAll ?? "" }),
  read: (reply, envelope, input) =>
    catchAllSchema.parse({
      catchAll: echoed(reply, "catchall", input.catchAll),
      trackingKey: envelope.trackingKey,
    }),
});

/** GetPOPForwarding: a mailbox's forwarding address; null when it does not forward. */
export const getPopForwarding = defineCommand({
  command: "GetPOPForwarding",
  kind: "read",
  input: popForwardingInputSchema,
  params: ({ domain, userName }) => ({ ...domainParams(domain), UserName: userName }),
  read: (reply, envelope, input) =>
    popForwardingSchema.parse({
      userName: z.object({ username: optionalText }).parse(reply).username ?? input.userName,
      forwardTo: echoed(reply, "forwardto", null),
      trackingKey: envelope.trackingKey,
    }),
});

/** SetPOPForwarding: forward a mailbox to an address, or null (`ForwardTo=`) to stop. */
export const setPopForwarding = defineCommand({
  command: "SetPOPForwarding",
  kind: "write",
  input: setPopForwardingInputSchema,
  params: ({ domain, userName, forwardTo }) => ({
    ...domainParams(domain),
    UserName: userName,
    ForwardTo: forwardTo ?? "",
  }),
  read: (reply, envelope, input) =>
    popForwardingSchema.parse({
      userName: z.object({ username: optionalText }).parse(reply).username ?? input.userName,
      forwardTo: echoed(reply, "forwardto", input.forwardTo),
      trackingKey: envelope.trackingKey,
    }),
});
