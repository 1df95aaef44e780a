import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Built per request so the options read the validated environment, not build-time values.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
