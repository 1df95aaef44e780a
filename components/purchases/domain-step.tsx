"use client";

import { Search } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/utils";
import { usePurchaseDomains } from "./purchase-reads";

/**
 * Step 1: which domain gets the new pak. A search box over the user's email-capable domains
 * (staff: the whole account; customers: their own), at most a short page of matches at a time.
 */
export function DomainStep({
  value,
  onChange,
  errors,
  showCustomers,
}: {
  value: string;
  onChange: (domain: string) => void;
  errors?: string[];
  showCustomers: boolean;
}) {
  const searchId = useId();
  const statusId = useId();
  const errorId = useId();
  const [query, setQuery] = useState("");
  const search = usePurchaseDomains(query);
  const options = search.data?.options ?? null;
  const total = search.data?.total ?? 0;
  const problem = search.isError ? search.error.message : null;
  const searching = search.isFetching || !search.settled;

  // The chosen domain stays visible even when the current search does not match it.
  const shown = options ?? [];
  const list =
    value && !shown.some((option) => option.domain === value)
      ? [{ domain: value, paks: -1, customerName: null }, ...shown]
      : shown;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search domains
        </label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted"
          />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            // Enter searches (as typing does); it does not move on to the next step.
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            placeholder="Type part of a domain name"
            aria-describedby={statusId}
            autoComplete="off"
            spellCheck={false}
            className="block w-full rounded-md border border-line bg-surface py-2 pr-3 pl-9 text-sm"
          />
        </div>
        <p id={statusId} aria-live="polite" className="text-xs text-muted">
          {searching && options === null
            ? "Loading your domains…"
            : options === null
              ? ""
              : total === 0
                ? "No domain that can take email matches that search."
                : total > shown.length
                  ? `Showing ${shown.length} of ${total} matching domains; type more to narrow the list.`
                  : `${total} matching ${total === 1 ? "domain" : "domains"}.`}
        </p>
      </div>

      {problem ? (
        <Alert tone="danger" title="Your domains could not be loaded">
          {problem}
        </Alert>
      ) : null}

      <fieldset aria-describedby={errors?.length ? errorId : undefined} aria-busy={searching}>
        <legend className="mb-2 text-sm font-medium">Domain</legend>
        {list.length === 0 && options !== null ? (
          <p className="text-sm text-muted">Nothing to choose yet.</p>
        ) : null}
        <ul className="flex max-h-80 flex-col gap-1 overflow-y-auto rounded-md border border-line p-1">
          {list.map((option) => {
            const checked = option.domain === value;
            return (
              <li key={option.domain}>
                <label
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded px-3 py-2 text-sm",
                    checked ? "bg-accent-soft" : "hover:bg-raised",
                  )}
                >
                  <input
                    type="radio"
                    name="domain"
                    value={option.domain}
                    checked={checked}
                    onChange={() => onChange(option.domain)}
                    className="size-4 accent-[var(--color-accent)]"
                  />
                  <span className="min-w-0 flex-1 truncate font-medium">{option.domain}</span>
                  <span className="shrink-0 text-xs text-muted">
                    {option.paks < 0
                      ? "Chosen"
                      : option.paks === 0
                        ? "No email yet"
                        : `${option.paks} ${option.paks === 1 ? "pak" : "paks"}`}
                    {showCustomers && option.customerName ? ` · ${option.customerName}` : ""}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <div id={errorId} aria-live="polite">
          {errors?.map((error) => (
            <p key={error} className="mt-1 text-xs font-medium text-danger">
              {error}
            </p>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
