import Link from "next/link";
import { SortableTh } from "@/components/lists/sortable-th";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import {
  domainListHref,
  type DomainListQuery,
  type DomainListRow,
  type DomainSort,
  type SortDirection,
} from "@/lib/domains/domain-list";
import { formatCalendarDate } from "@/lib/format";
import { ExpiryBadge } from "./expiry-badge";
import { AUTO_RENEW_LABELS, formatQuota } from "./format";
import { NotLoadedYet } from "./not-loaded";

/** One page of the domain list; server-rendered, so 10,000 domains never reach the browser at once. */
export function DomainListTable({
  rows,
  query,
  showCustomers,
  canPurchase,
}: {
  rows: DomainListRow[];
  query: DomainListQuery;
  showCustomers: boolean;
  canPurchase: boolean;
}) {
  const sortHref = (sort: DomainSort, dir: SortDirection) => domainListHref(query, { sort, dir, page: 1 });
  return (
    <Table caption="Domains with their email paks and mailboxes">
      <thead>
        <tr>
          <SortableTh sort="domain" current={query} hrefFor={sortHref}>
            Domain
          </SortableTh>
          {showCustomers ? (
            <SortableTh sort="customer" current={query} hrefFor={sortHref}>
              Customer
            </SortableTh>
          ) : null}
          <SortableTh sort="paks" current={query} hrefFor={sortHref} firstDir="desc">
            Paks
          </SortableTh>
          <SortableTh sort="mailboxes" current={query} hrefFor={sortHref} firstDir="desc">
            Mailboxes used
          </SortableTh>
          <Th>Capacity</Th>
          <SortableTh sort="expiry" current={query} hrefFor={sortHref}>
            Nearest expiry
          </SortableTh>
          <Th>Auto-renew</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.domain}>
            <Td className="font-medium whitespace-nowrap">
              <Link
                href={`/domains/${encodeURIComponent(row.domain)}`}
                className="text-accent hover:underline"
              >
                {row.domain}
              </Link>
              {row.hosting === "DNSHosted" ? (
                <span className="block text-xs font-normal text-muted">
                  On the account&apos;s DNS hosting
                </span>
              ) : null}
            </Td>
            {showCustomers ? (
              <Td>
                {row.customer ? (
                  <Link href={`/customers/${row.customer.id}`} className="hover:underline">
                    {row.customer.name}
                  </Link>
                ) : (
                  <span className="text-muted">Unassigned</span>
                )}
              </Td>
            ) : null}
            {row.paks === 0 ? <NoEmailCells row={row} canPurchase={canPurchase} /> : <EmailCells row={row} />}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function EmailCells({ row }: { row: DomainListRow }) {
  // Mailboxes, capacity and auto-renew come from the pak details (GetPOP3), read behind the page.
  const notLoaded = <NotLoadedYet failed={row.details === "failed"} />;
  return (
    <>
      <Td className="tabular-nums">{row.paks}</Td>
      <Td className="whitespace-nowrap tabular-nums">
        {row.mailboxes ? (
          <>
            {row.mailboxes.used} / {row.mailboxes.purchased}
            {row.fullPaks ? (
              <Badge tone="warning" className="ml-2">
                {row.paks === 1 ? "Full" : `${row.fullPaks} full`}
              </Badge>
            ) : null}
          </>
        ) : (
          notLoaded
        )}
      </Td>
      <Td className="whitespace-nowrap">
        {row.quotasMb ? (
          <>
            {row.quotasMb.length ? row.quotasMb.map(formatQuota).join(", ") : "—"}
            {row.storageUsedMb !== null ? (
              <span className="block text-xs text-muted">{formatStorageUsed(row.storageUsedMb)} used</span>
            ) : null}
          </>
        ) : (
          notLoaded
        )}
      </Td>
      <Td className="whitespace-nowrap">
        {row.nearestExpiry ? (
          <span className="flex items-center gap-2">
            {formatCalendarDate(row.nearestExpiry)}
            <ExpiryBadge state={row.nearestExpiry.state} days={row.nearestExpiry.days} />
          </span>
        ) : (
          "—"
        )}
      </Td>
      <Td>
        {row.autoRenew ? (
          <Badge tone={row.autoRenew === "on" ? "success" : row.autoRenew === "off" ? "danger" : "warning"}>
            {AUTO_RENEW_LABELS[row.autoRenew]}
          </Badge>
        ) : (
          notLoaded
        )}
      </Td>
    </>
  );
}

/** Storage the mailboxes use (eNom's `quotaused`): "312 MB", "1.2 GB". */
function formatStorageUsed(mb: number): string {
  return mb < 1024 ? `${Math.round(mb).toLocaleString("en-US")} MB` : `${(mb / 1024).toFixed(1)} GB`;
}

function NoEmailCells({ row, canPurchase }: { row: DomainListRow; canPurchase: boolean }) {
  return (
    <Td colSpan={5}>
      <span className="flex flex-wrap items-center gap-3">
        <span className="text-muted">
          {row.emailAvailable ? "No email yet" : "Email cannot be bought for this domain"}
        </span>
        {row.emailAvailable && canPurchase ? (
          <Link
            href={`/purchase?domain=${encodeURIComponent(row.domain)}`}
            className={buttonClasses("secondary", "sm")}
            aria-label={`Buy email for ${row.domain}`}
          >
            Buy email
          </Link>
        ) : null}
      </span>
    </Td>
  );
}
