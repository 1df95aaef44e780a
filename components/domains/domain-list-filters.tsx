import Form from "next/form";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import {
  DOMAIN_FILTER_LABELS,
  DOMAIN_FILTERS,
  DEFAULT_DOMAIN_LIST_QUERY,
  PAGE_SIZES,
  SEARCH_MAX,
  type DomainListQuery,
} from "@/lib/domains/domain-list";

/**
 * Search and filters as a GET form: they live in the URL, so a filtered list can be bookmarked or
 * shared, and the server does the work (the browser never holds the whole account).
 */
export function DomainListFilters({
  query,
  showCustomers,
}: {
  query: DomainListQuery;
  /** Staff search customers' names too; a customer's own view has none. */
  showCustomers: boolean;
}) {
  return (
    <Form
      action="/domains"
      role="search"
      aria-label="Search and filter domains"
      className="mb-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <TextField
          label="Search"
          name="q"
          type="search"
          maxLength={SEARCH_MAX}
          defaultValue={query.q}
          hint={showCustomers ? "Part of a domain or customer name" : "Part of a domain name"}
        />
        <SelectField label="Domains per page" name="size" defaultValue={String(query.pageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Show only (each ticked box must apply)</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {DOMAIN_FILTERS.map((filter) => (
            <CheckboxField
              key={filter}
              name="filter"
              value={filter}
              defaultChecked={query.filters.includes(filter)}
              label={DOMAIN_FILTER_LABELS[filter]}
            />
          ))}
        </div>
      </fieldset>
      {/* The chosen order survives a new search. */}
      {query.sort !== DEFAULT_DOMAIN_LIST_QUERY.sort ? (
        <input type="hidden" name="sort" value={query.sort} />
      ) : null}
      {query.dir !== DEFAULT_DOMAIN_LIST_QUERY.dir ? (
        <input type="hidden" name="dir" value={query.dir} />
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit">Apply</Button>
        <Link href="/domains" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </Form>
  );
}
