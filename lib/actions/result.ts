/** What every server action returns; shared with the browser, so no server imports here. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

export const initialActionState = { ok: false, message: "" } as ActionResult<never>;

/**
 * A form's fields as a plain object for an action. Repeated names (checkbox groups) become arrays;
 * files are left out (they go through routes, not actions).
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    result[key] = key.endsWith("[]") || values.length > 1 ? values : (values[0] ?? "");
  }
  return result;
}
