import "server-only";
import type { Envelope } from "../parse/envelope";
import { expectListed, indexed, listCount, repeated, unrecognised } from "../parse/lists";
import type { ReplyRecord } from "../parse/reply";
import * as row from "../parse/rows";
import {
  catchAllSchema,
  domainOnlyInputSchema,
  popForwardingInputSchema,
  popForwardingSchema,
  popForwardingWriteSchema,
  setCatchAllInputSchema,
  setPopForwardingInputSchema,
} from "../schemas";
import type { CatchAll, PopForwarding } from "../types";
import { defineCommand, domainParams } from "./command";

/**
 * The catch-all address: `CatchAll` in the XML samples (get-catch-all.md, set-catch-all.md),
 * `ForwardTo` in the same pages' 2015 HTML samples. Neither present is a shape Mailpak does not
 * know; present but empty is "no catch-all".
 */
function catchAllIn(reply: ReplyRecord): string | null | undefined {
  for (const name of ["catchall", "forwardto"])
    if (Object.hasOwn(reply, name)) return row.optionalText(reply, name);
  return undefined;
}

export function readCatchAll(reply: ReplyRecord, envelope: Envelope): CatchAll {
  const catchAll = catchAllIn(reply);
  if (catchAll === undefined) unrecognised("neither CatchAll nor ForwardTo");
  return catchAllSchema.parse({ catchAll, trackingKey: envelope.trackingKey });
}

/** GetCatchAll: where mail to unknown addresses of the domain goes; null when nowhere. */
export const getCatchAll = defineCommand({
  command: "GetCatchAll",
  kind: "read",
  input: domainOnlyInputSchema,
  params: ({ domain }) => domainParams(domain),
  read: readCatchAll,
  documented: ["CatchAll"],
});

/**
 * SetCatchAll: `ForwardTo`, a full address (set-catch-all.md). eNom echoes `CatchAll`; when it
 * does not, ErrCount 0 says the address sent is the one set.
 */
export const setCatchAll = defineCommand({
  command: "SetCatchAll",
  kind: "write",
  input: setCatchAllInputSchema,
  params: ({ domain, forwardTo }) => ({ ...domainParams(domain), ForwardTo: forwardTo }),
  read: (reply, envelope, input) =>
    catchAllSchema.parse({
      catchAll: catchAllIn(reply) ?? input.forwardTo,
      trackingKey: envelope.trackingKey,
    }),
  documented: ["CatchAll"],
});

const FORWARD_FIELDS = ["domainname", "domainnameid", "username", "forwardto", "active"];

/**
 * GetPOPForwarding (get-pop-forwarding.md): repeated `<popforwarding>` and `Count`. The page's
 * own example for a mailbox without forwarding prints one `<popforwarding>` with an empty
 * `forwardto` and `Count` 0, so only entries with an address are forwards, and they must number
 * `Count`. The Text form (the page's HTML sample) is unindexed and has no Count.
 */
export function readPopForwarding(reply: ReplyRecord, envelope: Envelope): PopForwarding {
  let entries: ReplyRecord[];
  let expected: number | null;
  if (envelope.format === "xml") {
    entries = repeated(reply.popforwarding, "popforwarding");
    expected = listCount(reply, "Count", "forward");
  } else {
    entries = Object.hasOwn(reply, "username1")
      ? indexed(reply, FORWARD_FIELDS)
      : Object.hasOwn(reply, "username")
        ? [reply]
        : [];
    expected = row.optionalCount(reply, "count");
  }
  const forwards = entries
    .filter((entry) => row.optionalText(entry, "forwardto") !== null)
    .map((entry) => ({
      userName: row.text(entry, "username"),
      forwardTo: row.text(entry, "forwardto"),
      active: row.requiredFlag(entry, "active"),
    }));
  if (expected !== null) expectListed(forwards.length, expected, "forwards (Count)");
  return popForwardingSchema.parse({ forwards, trackingKey: envelope.trackingKey });
}

/** GetPOPForwarding: a mailbox's forward, or every forward of the domain without `UserName`. */
export const getPopForwarding = defineCommand({
  command: "GetPOPForwarding",
  kind: "read",
  input: popForwardingInputSchema,
  params: ({ domain, userName }) => ({
    ...domainParams(domain),
    ...(userName === undefined ? {} : { UserName: userName }),
  }),
  read: readPopForwarding,
  documented: ["popforwarding", "Count"],
});

/**
 * SetPOPForwarding (set-pop-forwarding.md): `UserName`, `EMail` (the domain, sld.tld), `ForwardTo`,
 * `Enable` 1 add or change / 0 delete, and, when adding, `StatusFlags` 0 (deliver to the mailbox
 * and the forward: keepCopy) or 1 (the forward only). eNom answers `success`; the caller reads the
 * forward back with GetPOPForwarding (what StatusFlags really does is an unknown).
 */
export const setPopForwarding = defineCommand({
  command: "SetPOPForwarding",
  kind: "write",
  input: setPopForwardingInputSchema,
  params: (input) => ({
    ...domainParams(input.domain),
    UserName: input.userName,
    EMail: `${input.domain.sld}.${input.domain.tld}`,
    ForwardTo: input.forwardTo,
    Enable: input.enable ? "1" : "0",
    ...(input.enable ? { StatusFlags: input.keepCopy ? "0" : "1" } : {}),
  }),
  read: (reply, envelope) => {
    // `success` 1 (XML) / True; absent is fine (ErrCount 0 is eNom's success), "0" is not.
    if (row.optionalFlag(reply, "success") === false) unrecognised("success is false while ErrCount is 0");
    return popForwardingWriteSchema.parse({ trackingKey: envelope.trackingKey });
  },
  documented: ["success"],
});
