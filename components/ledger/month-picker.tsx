import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { addMonths, monthLabel } from "@/lib/ledger/model";

/**
 * The statement's month: the one before and after, and any month with purchases. A plain GET
 * form, so it works before the page's scripts load and the address can be shared.
 */
export function MonthPicker({
  path,
  month,
  months,
}: {
  path: string;
  month: string;
  months: readonly string[];
}) {
  const options = [...new Set([month, ...months])].sort().reverse();
  const link = (target: string) => `${path}?month=${target}`;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Link href={link(addMonths(month, -1))} className={buttonClasses("secondary", "sm")} prefetch={false}>
        ← {monthLabel(addMonths(month, -1))}
      </Link>
      <form method="get" action={path} className="flex items-end gap-2">
        <label className="flex flex-col gap-1 text-xs text-muted">
          Month
          <select
            name="month"
            defaultValue={month}
            className="h-8 rounded-md border border-line bg-surface px-2 text-sm text-fg"
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {monthLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Show
        </button>
      </form>
      <Link href={link(addMonths(month, 1))} className={buttonClasses("secondary", "sm")} prefetch={false}>
        {monthLabel(addMonths(month, 1))} →
      </Link>
    </div>
  );
}
