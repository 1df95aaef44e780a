import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import type { FieldErrors } from "@/lib/actions/result";

/**
 * A list's filters as a plain GET form: the filters live in the URL, so a filtered view can be
 * bookmarked or sent to a colleague, survives a reload and the Back button, and the page needs no
 * JavaScript to apply them. "Clear filters" is a link to the bare page. On a phone they fold away
 * (see FiltersDisclosure).
 */
export function FilterForm({
  path,
  label,
  active,
  errors,
  children,
}: {
  /** Where the form submits to (the page showing the list). */
  path: string;
  /** The form's accessible name, e.g. "Filter the orders". */
  label: string;
  /** How many filters are in force. */
  active: number;
  errors: FieldErrors;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={label}
      className="mb-6 rounded-lg border border-line bg-surface p-4"
    >
      <FiltersDisclosure active={active} invalid={Object.values(errors).some((messages) => messages?.length)}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="submit">Apply filters</Button>
          <Link href={path} className={buttonClasses("ghost")}>
            Clear filters
          </Link>
        </div>
      </FiltersDisclosure>
    </form>
  );
}

/** From and To days (UTC, both included), as `from` and `to` in the URL. */
export function DayRangeFields({
  search,
  errors,
}: {
  search: { from?: string; to?: string };
  errors: FieldErrors;
}) {
  return (
    <>
      <TextField
        label="From"
        name="from"
        type="date"
        defaultValue={search.from ?? ""}
        hint="Day in UTC"
        errors={errors.from}
      />
      <TextField
        label="To"
        name="to"
        type="date"
        defaultValue={search.to ?? ""}
        hint="Day in UTC, included"
        errors={errors.to}
      />
    </>
  );
}
