import type { z } from "zod";
import type { FieldErrors } from "@/lib/actions/result";

/**
 * Reads a page's filters from its URL with `schema`. Never throws: each field that fails is
 * dropped (not guessed at) and its message kept, and the rest is parsed again; an object-level
 * check (a date range) can fail once more after that, hence a few rounds. Every field of a filter
 * schema is optional, so nothing understood is `{}`.
 */
export function parseUrlFilters<Schema extends z.ZodType<object>>(
  schema: Schema,
  raw: Record<string, unknown>,
): { search: z.infer<Schema>; errors: FieldErrors } {
  const input: Record<string, unknown> = { ...raw };
  const errors: FieldErrors = {};
  let result = schema.safeParse(input);
  for (let round = 0; !result.success && round < 3; round += 1) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (errors[key] ??= []).push(issue.message);
      delete input[key];
    }
    result = schema.safeParse(input);
  }
  return { search: result.success ? result.data : ({} as z.infer<Schema>), errors };
}

/** How many of `keys` a parsed search sets: the filters in force, for a count beside "Filters". */
export function countFilters(search: object, keys: readonly string[]): number {
  const values = search as Record<string, unknown>;
  return keys.filter((key) => Boolean(values[key])).length;
}
