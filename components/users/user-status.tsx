import { Badge } from "@/components/ui/badge";
import { formatUtcMinute, type UserSummary } from "./user-summary";

/** Active, disabled, or locked after failed sign-ins (until when). */
export function UserStatus({ user }: { user: Pick<UserSummary, "disabled" | "lockedUntil"> }) {
  if (user.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (user.lockedUntil) return <Badge tone="warning">Locked until {formatUtcMinute(user.lockedUntil)}</Badge>;
  return <Badge tone="success">Active</Badge>;
}
