import type { Role } from "@/lib/db/schema";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      role: Role;
      sessionVersion: number;
      /** This session's own id: signing out ends it, and only it (see ended_sessions). */
      sessionId: string;
      authTime: number;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    sid?: string;
    authTime?: number;
  }
}
