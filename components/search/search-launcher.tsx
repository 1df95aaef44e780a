"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from "react";
import { Dialog } from "@/components/ui/dialog";
import { plural } from "@/components/domains/format";
import { resultKey, searchQueryString, type SearchResult } from "@/lib/search/model";
import { cn } from "@/lib/utils";
import { FreshnessNote } from "./freshness-note";
import { ResultSummary, resultHref } from "./result-summary";
import { isSearchShortcut } from "./shortcut";
import { useAccountSearch } from "./use-account-search";

const LIVE_RESULTS = 8;

/**
 * The header's search: a button (and "/" or Ctrl/⌘-K anywhere) opens a dialog whose text box is
 * a combobox over live results. Arrows move through them, Enter opens the result's domain, Escape
 * closes; "See all results" leads to the search page with filters and paging.
 */
export function SearchLauncher({
  title,
  placeholder,
  searchPath,
  domainsBase,
}: {
  /** The dialog's title and the button's name, e.g. "Search the account". */
  title: string;
  placeholder: string;
  /** The full search page: "/search" or "/portal/search". */
  searchPath: string;
  /** Where domains open: "/domains" or "/portal/domains". */
  domainsBase: string;
}) {
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // After the dialog opened (its effect runs first, as a child) and focused its first control:
  // typing goes to the text box.
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        onClick={() => setOpen(true)}
        className="inline-flex h-10 items-center gap-2 rounded-md border border-line bg-surface px-2.5 text-sm text-muted hover:bg-raised hover:text-fg sm:w-56 sm:px-3"
      >
        <Search aria-hidden="true" className="size-4 shrink-0" />
        <span className="sr-only sm:not-sr-only sm:flex-1 sm:text-left">{title}</span>
        <kbd
          aria-hidden="true"
          className="hidden rounded border border-line px-1.5 font-sans text-xs sm:inline-block"
        >
          /
        </kbd>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} className="mt-[8vh] mb-auto">
        {open ? (
          <SearchBox
            inputRef={inputRef}
            placeholder={placeholder}
            searchPath={searchPath}
            domainsBase={domainsBase}
            onDone={() => setOpen(false)}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function SearchBox({
  inputRef,
  placeholder,
  searchPath,
  domainsBase,
  onDone,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  placeholder: string;
  searchPath: string;
  domainsBase: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const inputId = useId();
  const listboxId = useId();
  const { data, error, isFetching, typing, settledText } = useAccountSearch(text, LIVE_RESULTS);

  const hasText = text.trim().length > 0;
  const results: SearchResult[] = hasText && data ? data.results : [];
  const activeIndex = Math.max(
    0,
    results.findIndex((result) => resultKey(result) === activeKey),
  );
  const active = results[activeIndex];
  const seeAllHref = `${searchPath}${searchQueryString({ q: text })}`;

  const go = (href: string) => {
    onDone();
    router.push(href);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!results.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = results[(activeIndex + step + results.length) % results.length];
      if (next) setActiveKey(resultKey(next));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active) go(resultHref(active, domainsBase));
      else if (hasText) go(seeAllHref);
    }
  };

  const status = !hasText
    ? "Type part of an address, a display name, a domain or a customer."
    : error
      ? error.message
      : typing || (isFetching && !data)
        ? "Searching…"
        : results.length === 0
          ? `Nothing matches “${settledText}”.`
          : `${plural(results.length, "result")}${data?.nextCursor ? " shown; there are more" : ""}. Use the arrow keys and Enter to open one.`;

  return (
    <div className="flex flex-col gap-3">
      <label htmlFor={inputId} className="sr-only">
        Search for
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={results.length > 0 ? listboxId : undefined}
        aria-activedescendant={active ? `${listboxId}-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-base text-fg placeholder:text-muted sm:text-sm"
      />
      <p role="status" className={cn("text-sm", error ? "text-danger" : "text-muted")}>
        {status}
      </p>
      {results.length > 0 ? (
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Results"
          className="max-h-[50vh] overflow-y-auto rounded-md border border-line"
        >
          {results.map((result, index) => (
            <li
              key={resultKey(result)}
              id={`${listboxId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseMove={() => setActiveKey(resultKey(result))}
              onClick={() => go(resultHref(result, domainsBase))}
              className={cn(
                "cursor-pointer border-b border-line px-3 py-2 text-sm last:border-b-0",
                index === activeIndex && "bg-accent-soft",
              )}
            >
              <ResultSummary result={result} today={new Date()} />
            </li>
          ))}
        </ul>
      ) : null}
      {hasText ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <FreshnessNote freshness={data?.freshness ?? null} />
          <Link
            href={seeAllHref}
            onClick={onDone}
            className="text-sm font-medium text-accent underline underline-offset-2"
          >
            See all results
          </Link>
        </div>
      ) : null}
    </div>
  );
}
