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
  expiresAt: string;
  expired: boolean;
}
