import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { EnomAccessBanner } from "@/components/layout/enom-access-banner";
import { requirePageUser } from "@/lib/auth/guards";
import { can, isStaffRole, PERMISSIONS } from "@/lib/auth/permissions";
import { enomAccessProblemForStaff } from "@/lib/health";
import { demoMailEnabled } from "@/lib/mail/demo-emails";

// Every page below checks the user again: a layout does not re-run on client navigation.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ beforeTwoFactorSetup: true });
  if (!isStaffRole(user.role)) notFound();
  const permissions = PERMISSIONS.filter((permission) => can(user, permission));
  return (
    <AppShell
      user={{ name: user.name, email: user.email, role: user.role }}
      permissions={permissions}
      demo={demoMailEnabled()}
    >
      <EnomAccessBanner problem={enomAccessProblemForStaff()} />
      {children}
    </AppShell>
  );
}
