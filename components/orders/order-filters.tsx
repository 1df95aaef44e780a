import { SelectField, TextField } from "@/components/ui/field";
import { DayRangeFields, FilterForm } from "@/components/ui/filter-form";
import type { FieldErrors } from "@/lib/actions/result";
import {
  ORDER_KIND_LABELS,
  ORDER_KINDS,
  ORDER_OUTCOMES,
  outcomeLabel,
  type OrderAudience,
} from "@/lib/orders/model";
import { orderFilterCount, type OrderSearch } from "@/lib/validation/orders";

/** The order history's filters, kept in the URL (see FilterForm). Staff also filter by customer. */
export function OrderFilters({
  path,
  audience,
  search,
  errors,
  customers,
}: {
  /** Where the form submits to (the page showing the orders). */
  path: string;
  audience: OrderAudience;
  search: OrderSearch;
  errors: FieldErrors;
  /** Staff only: the customers to choose from. */
  customers: readonly { id: string; name: string }[];
}) {
  const staff = audience === "staff";
  return (
    <FilterForm path={path} label="Filter the orders" active={orderFilterCount(search)} errors={errors}>
      <TextField
        label="Search"
        name="q"
        type="search"
        maxLength={253}
        defaultValue={search.q ?? ""}
        hint={staff ? "Part of a domain, or an eNom order ID" : "Part of a domain, or an order number"}
        errors={errors.q}
      />
      <TextField
        label="Domain"
        name="domain"
        type="search"
        maxLength={253}
        defaultValue={search.domain ?? ""}
        hint="Starts with"
        errors={errors.domain}
      />
      <SelectField label="What" name="kind" defaultValue={search.kind ?? ""} errors={errors.kind}>
        <option value="">Every kind of order</option>
        {ORDER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {ORDER_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Outcome" name="outcome" defaultValue={search.outcome ?? ""} errors={errors.outcome}>
        <option value="">Any outcome</option>
        {ORDER_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcomeLabel(outcome, audience)}
          </option>
        ))}
      </SelectField>
      {staff ? (
        <SelectField
          label="Customer"
          name="customer"
          defaultValue={search.customer ?? ""}
          errors={errors.customer}
        >
          <option value="">Every customer</option>
          {customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <DayRangeFields search={search} errors={errors} />
    </FilterForm>
  );
}
