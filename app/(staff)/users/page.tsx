import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { AddStaffUser } from "@/components/users/add-staff-user";
import { UsersTable } from "@/components/users/users-table";
import { toUserSummary } from "@/components/users/user-summary";
import { requireStaffPage } from "@/lib/auth/guards";
import { getStaffUsers } from "@/lib/users/pages";

export const metadata: Metadata = { title: "Users" };

/** Admins and staff who sign in to the panel. Admins only: everyone else gets a 404. */
export default async function UsersPage() {
  const user = await requireStaffPage("users.manage");
  const now = new Date();
  const staffUsers = (await getStaffUsers(user)).map((row) => toUserSummary(row, { selfId: user.id, now }));

  return (
    <>
      <PageHeader
        title="Users"
        description="The people who sign in to this panel. Customers' logins are on each customer's page."
        actions={<AddStaffUser />}
      />
      <UsersTable users={staffUsers} caption="Staff users" kind="staff" canChangeRole />
    </>
  );
}
