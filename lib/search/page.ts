import "server-only";
import { ForbiddenError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { BadCursorError } from "./cursor";
import { parseSearch, SEARCH_FILTERS, type SearchFilter, type SearchPage, type SearchParams } from "./model";
import { searchAccount } from "./search";

export const SEARCH_PAGE_SIZE = 25;

export interface SearchPageState {
  /** What the form shows: the text and filter as given (a bad filter is dropped). */
  form: { q: string; filter: SearchFilter | null };
  cursor: string | null;
  /** Null before anything was asked. */
  outcome: { ok: true; page: SearchPage } | { ok: false; message: string } | null;
}

/** The search pages' read: the URL's search, run for this user, or why it could not be. */
export async function loadSearchPage(user: SessionUser, raw: SearchParams): Promise<SearchPageState> {
  const first = (value: SearchParams[string]) => (Array.isArray(value) ? value[0] : value) ?? "";
  const rawFilter = first(raw.filter);
  const form = {
    q: first(raw.q).slice(0, 200),
    filter: (SEARCH_FILTERS as readonly string[]).includes(rawFilter) ? (rawFilter as SearchFilter) : null,
  };
  const cursor = first(raw.cursor) || null;
  if (!form.q.trim() && !rawFilter) return { form, cursor: null, outcome: null };

  const parsed = parseSearch({ ...raw, limit: String(SEARCH_PAGE_SIZE) });
  if (!parsed.ok) return { form, cursor, outcome: { ok: false, message: parsed.message } };
  try {
    return { form, cursor, outcome: { ok: true, page: await searchAccount(user, parsed.input) } };
  } catch (error) {
    if (error instanceof BadCursorError || error instanceof ForbiddenError)
      return { form, cursor, outcome: { ok: false, message: error.message } };
    throw error;
  }
}
