import { Badge } from "@/components/ui/badge";
import { ALLOWANCES } from "@/lib/validation/customers";

/** A customer's details and allowances, read-only: what the support role sees instead of the form. */
export function CustomerSummary({
  customer,
}: {
  customer: { contactName: string; contactEmail: string; contactPhone: string; notes: string } & Record<
    (typeof ALLOWANCES)[number]["key"],
    boolean
  >;
}) {
  const allowed = ALLOWANCES.filter(({ key }) => customer[key]);
  const rows = [
    ["Contact", customer.contactName],
    ["Contact email", customer.contactEmail],
    ["Contact phone", customer.contactPhone],
    ["Notes", customer.notes],
  ] as const;
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="break-words whitespace-pre-wrap">
            {value || <span className="text-muted">None</span>}
          </dd>
        </div>
      ))}
      <dt className="font-medium">May in the portal</dt>
      <dd>
        {allowed.length ? (
          <ul className="flex flex-wrap gap-1">
            {allowed.map(({ key, label }) => (
              <li key={key}>
                <Badge>{label}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-muted">View only</span>
        )}
      </dd>
    </dl>
  );
}
