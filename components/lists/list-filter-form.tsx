import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SEARCH_MAX, type SortDirection } from "@/lib/lists/url-settings";

/**
 * A list's search and filters as a GET form: the view lives in the URL, so it can be bookmarked or
 * shared, and the server does the work (the browser never holds the whole account). The chosen
 * order survives a new search; "Clear" goes back to the bare list.
 */
export function ListFilterForm({
  action,
  label,
  order,
  defaultOrder,
  extraActions,
  children,
}: {
  /** The list's path, e.g. "/domains". */
  action: string;
  /** Names the search landmark, e.g. "Search and filter domains". */
  label: string;
  order: { sort: string; dir: SortDirection };
  defaultOrder: { sort: string; dir: SortDirection };
  /** Shown after Apply and Clear, e.g. a download of the same rows. */
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form
      action={action}
      role="search"
      aria-label={label}
      className="mb-4 rounded-lg border border-line bg-surface p-4"
    >
      {children}
      {order.sort !== defaultOrder.sort ? <input type="hidden" name="sort" value={order.sort} /> : null}
      {order.dir !== defaultOrder.dir ? <input type="hidden" name="dir" value={order.dir} /> : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="submit">Apply</Button>
        <Link href={action} className={buttonClasses("ghost")}>
          Clear
        </Link>
        {extraActions}
      </div>
    </Form>
  );
}

/** The search box of a list's filter form (`q` in the URL). */
export function ListSearchField({ value, hint }: { value: string; hint: string }) {
  return (
    <TextField
      label="Search"
      name="q"
      type="search"
      maxLength={SEARCH_MAX}
      defaultValue={value}
      hint={hint}
    />
  );
}

/** How many rows a page shows (`size` in the URL), from the list's own choices. */
export function PageSizeField({
  label,
  sizes,
  value,
}: {
  /** E.g. "Domains per page". */
  label: string;
  sizes: readonly number[];
  value: number;
}) {
  return (
    <SelectField label={label} name="size" defaultValue={String(value)}>
      {sizes.map((size) => (
        <option key={size} value={size}>
          {size}
        </option>
      ))}
    </SelectField>
  );
}
