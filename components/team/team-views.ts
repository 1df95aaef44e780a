/**
 * What the Team page sends to the browser about colleagues and invitations: never a password
 * hash or a token. Dates travel as ISO strings. Pure, shared by server and browser code.
 */
export interface ColleagueView {
  id: string;
  name: string;
  email: string;
  admin: boolean;
  disabled: boolean;
  lastSignInAt: string | null;
  /** The signed-in user: cannot be removed from here. */
  isSelf: boolean;
}

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  /** They join as an administrator of the team. */
  asAdmin: boolean;
  expiresAt: string;
  expired: boolean;
}

/** An invitation as the customer's staff page lists it. */
export interface StaffInvitationView {
  id: string;
  email: string;
  asAdmin: boolean;
  /** "Name (email)" of the administrator who sent it; null when that login was deleted. */
  inviter: string | null;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}
