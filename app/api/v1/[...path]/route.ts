import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_OPERATIONS } from "@/lib/api/registry";
import { handleApiRequest } from "@/lib/api/router";
import { observeRoute } from "@/lib/metrics/observe";

/**
 * The public API, /api/v1/… (lib/api/router.ts has every operation). The OpenAPI document at
 * /api/v1/openapi.json is public: it describes the API and holds nothing of the account.
 */

type Context = { params: Promise<{ path: string[] }> };

const handle = observeRoute("/api/v1/[...path]", async (request: Request, { params }: Context) => {
  const { path } = await params;
  const joined = `/${path.map((segment) => encodeURIComponent(segment)).join("/")}`;
  if (request.method === "GET" && joined === "/openapi.json")
    return Response.json(buildOpenApiDocument(API_OPERATIONS), {
      headers: { "cache-control": "public, max-age=300" },
    });
  return handleApiRequest(request, joined);
});

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
