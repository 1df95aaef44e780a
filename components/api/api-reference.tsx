import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollFrame } from "@/components/ui/scroll-frame";

/**
 * The OpenAPI document of /api/v1 as a page (Settings → API reference): every operation by tag,
 * with its scope, parameters, body and answer. Rendered on the server from the same document the
 * API serves at /api/v1/openapi.json, so it cannot say anything the API does not do.
 */

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  scope: string;
  parameters: Parameter[];
  body: Json | null;
  responses: [string, Json][];
}

function operationsOf(document: Json): Operation[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const body = (operation.requestBody as Json | undefined)?.content as
        Record<string, { schema: Json }> | undefined;
      return {
        method: method.toUpperCase(),
        path,
        operationId: String(operation.operationId),
        summary: String(operation.summary ?? ""),
        description: typeof operation.description === "string" ? operation.description : undefined,
        tags: (operation.tags as string[] | undefined) ?? [],
        scope: String(operation["x-mailpak-scope"] ?? ""),
        parameters: (operation.parameters as Parameter[] | undefined) ?? [],
        body: body?.["application/json"]?.schema ?? null,
        responses: Object.entries((operation.responses ?? {}) as Record<string, Json>),
      };
    }),
  );
}

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "");
  return type || (schema.anyOf ? "one of several" : "");
}

const METHOD_TONE: Record<string, "neutral" | "success" | "warning" | "danger"> = {
  GET: "neutral",
  POST: "success",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "danger",
};

function SchemaBlock({ label, schema }: { label: string; schema: Json }) {
  return (
    <details className="mt-2 rounded border border-line">
      <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">{label}</summary>
      {/* Focusable so a keyboard can scroll a long schema (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} className="max-h-96 overflow-auto border-t border-line bg-canvas px-3 py-2 text-xs">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </details>
  );
}

export function ApiReference({
  document,
  documentHref,
  keysWhere,
}: {
  document: Json;
  /** Where the machine-readable document is served; null where it is not offered. */
  documentHref: string | null;
  /** Where keys are made, in words ("Settings → API keys"). */
  keysWhere: string;
}) {
  const operations = operationsOf(document);
  const tags = [...new Set(operations.flatMap((operation) => operation.tags))];
  const info = (document.info ?? {}) as Json;
  return (
    <div className="space-y-8">
      <Card>
        <p className="text-sm">{String(info.description ?? "")}</p>
        <p className="mt-3 text-sm">
          Base address: <code className="[overflow-wrap:anywhere]">/api/v1</code>
          {documentHref ? (
            <>
              {" "}
              · The machine-readable document:{" "}
              <a className="text-accent underline" href={documentHref}>
                openapi.json
              </a>{" "}
              (OpenAPI 3.1)
            </>
          ) : null}{" "}
          · Keys: {keysWhere}.
        </p>
      </Card>
      <nav aria-label="API sections">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {tags.map((tag) => (
            <li key={tag}>
              <a className="text-accent underline" href={`#tag-${tag}`}>
                {tag}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {operations
            .filter((operation) => operation.tags.includes(tag))
            .map((operation) => (
              <Card key={operation.operationId} aria-labelledby={`op-${operation.operationId}`}>
                <h3
                  id={`op-${operation.operationId}`}
                  className="flex flex-wrap items-center gap-2 font-semibold"
                >
                  <Badge tone={METHOD_TONE[operation.method] ?? "neutral"}>{operation.method}</Badge>
                  <code className="text-sm [overflow-wrap:anywhere]">{operation.path}</code>
                </h3>
                <p className="mt-1 text-sm">{operation.summary}</p>
                {operation.description ? (
                  <p className="mt-1 whitespace-pre-line text-sm text-muted">{operation.description}</p>
                ) : null}
                <p className="mt-1 text-xs text-muted">
                  Operation <code>{operation.operationId}</code> · scope <code>{operation.scope}</code>
                </p>
                {operation.parameters.length > 0 ? (
                  <ScrollFrame label={`Parameters of ${operation.operationId}`} className="mt-3">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">Parameters of {operation.operationId}</caption>
                      <thead className="text-xs text-muted">
                        <tr>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            Parameter
                          </th>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            In
                          </th>
                          <th scope="col" className="py-1 pr-3 font-medium">
                            Type
                          </th>
                          <th scope="col" className="py-1 font-medium">
                            About
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {operation.parameters.map((parameter) => (
                          <tr
                            key={`${parameter.in}-${parameter.name}`}
                            className="border-t border-line align-top"
                          >
                            <td className="py-1 pr-3">
                              <code>{parameter.name}</code>
                              {parameter.required ? <span className="text-muted"> (required)</span> : null}
                            </td>
                            <td className="py-1 pr-3">{parameter.in}</td>
                            <td className="py-1 pr-3">{typeOf(parameter.schema)}</td>
                            <td className="py-1">{parameter.description ?? ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollFrame>
                ) : null}
                {operation.body ? (
                  <SchemaBlock label="Request body (JSON Schema)" schema={operation.body} />
                ) : null}
                {operation.responses
                  .filter(([status]) => status.startsWith("2"))
                  .map(([status, response]) => {
                    const content = response.content as Record<string, { schema: Json }> | undefined;
                    const schema = content?.["application/json"]?.schema;
                    return schema ? (
                      <SchemaBlock
                        key={status}
                        label={`${status}: ${String(response.description ?? "")}`}
                        schema={schema}
                      />
                    ) : null;
                  })}
                <p className="mt-2 text-xs text-muted">
                  Errors:{" "}
                  {operation.responses
                    .filter(([status]) => !status.startsWith("2"))
                    .map(([status]) => status)
                    .join(", ")}{" "}
                  as <code>application/problem+json</code>.
                </p>
              </Card>
            ))}
        </section>
      ))}
    </div>
  );
}
