import { STAFF_ROLES, type StaffRole } from "@/lib/validation/users";

/** A role select's value as a staff role: the select offers only those; anything else is staff. */
export function staffRoleOf(value: string): StaffRole {
  return STAFF_ROLES.find((role) => role === value) ?? "staff";
}
