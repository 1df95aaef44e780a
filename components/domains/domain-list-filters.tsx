import { ListFilterForm, ListSearchField, PageSizeField } from "@/components/lists/list-filter-form";
import { CheckboxField } from "@/components/ui/field";
import {
  DOMAIN_FILTER_LABELS,
  DOMAIN_FILTERS,
  DEFAULT_DOMAIN_LIST_QUERY,
  PAGE_SIZES,
  type DomainListQuery,
} from "@/lib/domains/domain-list";

/** The domain list's search and filters (a GET form: see ListFilterForm). */
export function DomainListFilters({
  query,
  showCustomers,
}: {
  query: DomainListQuery;
  /** Staff search customers' names too; a customer's own view has none. */
  showCustomers: boolean;
}) {
  return (
    <ListFilterForm
      action="/domains"
      label="Search and filter domains"
      order={query}
      defaultOrder={DEFAULT_DOMAIN_LIST_QUERY}
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <ListSearchField
          value={query.q}
          hint={showCustomers ? "Part of a domain or customer name" : "Part of a domain name"}
        />
        <PageSizeField label="Domains per page" sizes={PAGE_SIZES} value={query.pageSize} />
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
    </ListFilterForm>
  );
}
