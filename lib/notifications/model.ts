import { z } from "zod";
import { NEARLY_FULL_PERCENT } from "@/lib/validation/mailbox-rules";

/**
 * Staff notifications: the kinds, their words, and the inputs of their actions. Browser-safe, so
 * the bell, the list page and the email choices read the same labels the server writes.
 */

export const NOTIFICATION_KINDS = [
  "low-balance",
  "auto-renew-failed",
  "customer-purchase",
  "mailbox-nearly-full",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { label: string; description: string }> = {
  "low-balance": {
    label: "Low balance",
    description: "The eNom balance cannot pay for the renewals due within 30 days.",
  },
  "auto-renew-failed": {
    label: "Failed auto-renewals",
    description: "A pak with auto-renew on has expired.",
  },
  "customer-purchase": {
    label: "Customer purchases",
    description: "A customer bought, renewed or asked for approval in the portal.",
  },
  "mailbox-nearly-full": {
    label: "Nearly full mailboxes",
    description: `Mailboxes crossed ${NEARLY_FULL_PERCENT} % of their storage (their customer's administrators are emailed too).`,
  },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** One notification as the panel shows it. */
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A page of the panel (always a path starting with `/`), or null. */
  href: string | null;
  /** ISO instant. */
  createdAt: string;
  read: boolean;
}

/** The bell's answer (GET /api/notifications). */
export interface NotificationSummary {
  unread: number;
  /** The newest few, read or not. */
  latest: NotificationView[];
}

export type NotificationsResponse = { ok: true; data: NotificationSummary } | { ok: false; message: string };

/** How many the list page shows at most. */
export const NOTIFICATIONS_PAGE_SIZE = 100;

export const markNotificationReadSchema = z.object({
  id: z.uuid("That notification was not found."),
});

export const emailChoicesSchema = z.object({
  kinds: z
    .preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z.array(
        z.enum(
          NOTIFICATION_KINDS,
          "Choose notifications from the list: low balance, failed auto-renewals, customer purchases or nearly full mailboxes.",
        ),
      ),
    )
    .transform((kinds) => NOTIFICATION_KINDS.filter((kind) => kinds.includes(kind))),
});
export type EmailChoicesInput = z.input<typeof emailChoicesSchema>;

/** A link kept in a notification: a path of this panel, never another site. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  return href.startsWith("/") && !href.startsWith("//") && !href.includes("\\") ? href : null;
}
