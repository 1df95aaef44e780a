"use server";

import { z } from "zod";
import {
  NOTIFICATION_KIND_LABELS,
  emailChoicesSchema,
  markNotificationReadSchema,
} from "@/lib/notifications/model";
import {
  markAllNotificationsRead,
  markNotificationRead,
  setNotificationEmailChoices,
} from "@/lib/notifications/reads";
import { userAction } from "./builder";
import type { ActionResult } from "./result";

/**
 * The signed-in staff user's own notifications: marking them read, and which kinds also come by
 * email. Each acts on the caller's own rows only (the user id is the session's). Marking read is
 * the person's own reading state, not a change to the account, so it is not audited; the email
 * choice is.
 */

export const markNotificationReadAction = userAction(
  { name: "notifications.mark-read", schema: markNotificationReadSchema },
  async (input, { user }): Promise<ActionResult<undefined>> => {
    await markNotificationRead(user, input.id);
    return { ok: true, data: undefined };
  },
);

export const markAllNotificationsReadAction = userAction(
  { name: "notifications.mark-all-read", schema: z.unknown().transform(() => undefined) },
  async (_input, { user }): Promise<ActionResult<{ marked: number }>> => {
    const marked = await markAllNotificationsRead(user);
    return {
      ok: true,
      data: { marked },
      message: marked
        ? `Marked ${marked} notification${marked === 1 ? "" : "s"} read.`
        : "Nothing was unread.",
    };
  },
);

export const setNotificationEmailsAction = userAction(
  { name: "notifications.email-choices", schema: emailChoicesSchema },
  async (input, { user, audit }): Promise<ActionResult<{ kinds: string[] }>> => {
    await setNotificationEmailChoices(user, input.kinds);
    const words = input.kinds.map((kind) => NOTIFICATION_KIND_LABELS[kind].label.toLowerCase());
    await audit({
      outcome: "ok",
      summary: words.length
        ? `Chose to get these notifications by email: ${words.join(", ")}`
        : "Chose to get no notifications by email",
      targetUserId: user.id,
      details: { kinds: input.kinds },
    });
    return {
      ok: true,
      data: { kinds: input.kinds },
      message: words.length
        ? "Saved. These notifications will also come by email."
        : "Saved. No notification will come by email.",
    };
  },
);
