import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/guards";
import { getNotifications } from "@/lib/notifications/reads";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in staff user's notifications: low balance, failed auto-renewals, customer purchases. */
export default async function NotificationsPage() {
  const user = await requireStaffPage();
  const notifications = await getNotifications(user);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            Low balance, failed auto-renewals and customer purchases. Choose which also come by email on{" "}
            <Link href="/account#notification-emails" className="text-accent underline">
              My account
            </Link>
            .
          </>
        }
      />
      <NotificationList notifications={notifications} />
    </>
  );
}
