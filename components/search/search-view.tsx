import { SearchX } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import {
  FILTER_LABELS,
  resultKey,
  SEARCH_FILTERS,
  searchQueryString,
  type SearchFilter,
  type SearchPage,
} from "@/lib/search/model";
import { FreshnessNote } from "./freshness-note";
import { ResultSummary, resultHref } from "./result-summary";

interface SearchViewProps {
  /** This page: "/search" or "/portal/search". */
  path: string;
  domainsBase: string;
  form: { q: string; filter: SearchFilter | null };
  cursor: string | null;
  outcome: { ok: true; page: SearchPage } | { ok: false; message: string } | null;
  placeholder: string;
}

/** The full search: a plain GET form (works without script), the results, and keyset paging. */
export function SearchView({ path, domainsBase, form, cursor, outcome, placeholder }: SearchViewProps) {
  const today = new Date();
  return (
    <>
      <form
        method="get"
        action={path}
        role="search"
        className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end"
      >
        <TextField
          label="Search for"
          name="q"
          type="search"
          defaultValue={form.q}
          placeholder={placeholder}
          maxLength={100}
          className="sm:flex-1"
        />
        <SelectField label="Show" name="filter" defaultValue={form.filter ?? ""} className="sm:w-80">
          <option value="">Every domain and mailbox</option>
          {SEARCH_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {FILTER_LABELS[filter]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>

      {outcome === null ? (
        <p className="text-sm text-muted">
          Type part of an address, a display name, a domain or a customer, or choose what to show.
        </p>
      ) : !outcome.ok ? (
        <Alert tone="danger" title="The search could not run">
          {outcome.message}{" "}
          <Link href={path} className="font-medium underline">
            Start again
          </Link>
        </Alert>
      ) : (
        <SearchResults
          path={path}
          domainsBase={domainsBase}
          form={form}
          cursor={cursor}
          page={outcome.page}
          today={today}
        />
      )}
    </>
  );
}

function SearchResults({
  path,
  domainsBase,
  form,
  cursor,
  page,
  today,
}: {
  path: string;
  domainsBase: string;
  form: SearchViewProps["form"];
  cursor: string | null;
  page: SearchPage;
  today: Date;
}) {
  const { results, nextCursor, freshness } = page;
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="sr-only">
        Results
      </h2>
      <div className="mb-2 flex flex-col gap-1">
        <p className="text-sm text-muted" aria-live="polite">
          {results.length === 0
            ? ""
            : `${cursor ? "More results" : "Results"}: showing ${results.length}${nextCursor ? "; there are more" : ""}.`}
        </p>
        <FreshnessNote freshness={freshness} />
      </div>
      {results.length === 0 ? (
        <EmptyState icon={SearchX} title={cursor ? "No more results" : "Nothing matches"}>
          {cursor ? "That was the last page." : "Try fewer letters, part of the address, or another filter."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface">
          {results.map((result) => (
            <li key={resultKey(result)}>
              <Link
                href={resultHref(result, domainsBase)}
                className="block px-4 py-3 text-sm hover:bg-raised focus-visible:bg-raised"
              >
                <ResultSummary result={result} today={today} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {cursor || nextCursor ? (
        <nav aria-label="Pages of search results" className="mt-4 flex flex-wrap gap-2">
          {cursor ? (
            <Link href={`${path}${searchQueryString(form)}`} className={buttonClasses("secondary")}>
              First results
            </Link>
          ) : null}
          {nextCursor ? (
            <Link
              href={`${path}${searchQueryString({ ...form, cursor: nextCursor })}`}
              rel="next"
              className={buttonClasses("secondary")}
            >
              Next results
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
