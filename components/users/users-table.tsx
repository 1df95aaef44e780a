import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { STAFF_ROLE_NAMES } from "@/lib/validation/users";
import { ManageUser } from "./manage-user";
import { UserStatus } from "./user-status";
import { formatUtcMinute, type UserSummary } from "./user-summary";

/**
 * Logins in a table: staff users on the Users page (with role and two-factor), or a customer's
 * logins on its page. Each row opens the actions the signed-in user may take.
 */
export function UsersTable({
  users,
  caption,
  kind,
  canChangeRole,
  readOnly = false,
}: {
  users: UserSummary[];
  caption: string;
  kind: "staff" | "customer";
  canChangeRole: boolean;
  /** For the support role: the logins are shown, with no action on them. */
  readOnly?: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          {kind === "staff" ? <Th>Role</Th> : null}
          <Th>Status</Th>
          {kind === "staff" ? <Th>Two-factor</Th> : null}
          <Th>Last sign-in</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <Td className="font-medium">
              {user.name}
              {user.isSelf ? <span className="ml-2 text-xs text-muted">(you)</span> : null}
            </Td>
            <Td className="break-all">{user.email}</Td>
            {kind === "staff" ? (
              <Td>
                <Badge tone={user.role === "admin" ? "accent" : "neutral"}>
                  {user.role === "customer" ? "Customer" : STAFF_ROLE_NAMES[user.role]}
                </Badge>
              </Td>
            ) : null}
            <Td>
              <UserStatus user={user} />
            </Td>
            {kind === "staff" ? <Td>{user.totpEnabled ? "On" : "Off"}</Td> : null}
            <Td className="whitespace-nowrap">
              {user.lastSignInAt ? formatUtcMinute(user.lastSignInAt) : "Never"}
            </Td>
            <Td className="text-right">
              {readOnly ? null : <ManageUser user={user} canChangeRole={canChangeRole} />}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
