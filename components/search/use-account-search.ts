"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebouncedValue } from "@/components/use-debounced-value";
import {
  searchQueryString,
  type SearchFilter,
  type SearchPage,
  type SearchResponse,
} from "@/lib/search/model";

export class SearchError extends Error {}

export async function fetchSearch(search: {
  q: string;
  filter?: SearchFilter | null;
  limit?: number;
}): Promise<SearchPage> {
  const response = await fetch(`/api/search${searchQueryString(search)}`, { cache: "no-store" });
  const body = (await response.json().catch(() => null)) as SearchResponse | null;
  if (!body) throw new SearchError("The panel did not answer. Check your connection and try again.");
  if (!body.ok) throw new SearchError(body.message);
  return body.data;
}

/**
 * Live results for the header's search: the first page for the typed text, debounced; the last
 * results stay on screen while the next ones load.
 */
export function useAccountSearch(text: string, limit: number) {
  const q = useDebouncedValue(text.trim(), 200);
  const query = useQuery({
    queryKey: ["account-search", q.toLowerCase(), limit] as const,
    queryFn: () => fetchSearch({ q, limit }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  return { ...query, settledText: q, typing: q !== text.trim() };
}
