import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { observeRoute } from "@/lib/metrics/observe";

// Built per request so the options read the validated environment, not build-time values.
const handler = observeRoute(
  "/api/auth/[...nextauth]",
  (request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> =>
    NextAuth(authOptions())(request, context),
);

export { handler as GET, handler as POST };
