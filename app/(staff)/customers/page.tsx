import type { Metadata } from "next";
import Link from "next/link";
import { Users } from "lucide-react";
import { AddCustomer } from "@/components/customers/add-customer";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getCustomers } from "@/lib/customers/pages";
import { ALLOWANCES } from "@/lib/validation/customers";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const user = await requireStaffPage("customers.view");
  const rows = await getCustomers(user);

  return (
    <>
      <PageHeader
        title="Customers"
        description="Your customers, the domains each one owns and who signs in to their portal."
        actions={can(user, "customers.manage") ? <AddCustomer /> : undefined}
      />
      <div className="flex flex-col gap-6">
        {rows.length === 0 ? (
          <EmptyState icon={Users} title="No customers yet">
            Add your first customer, then give it its domains and a login to the portal.
          </EmptyState>
        ) : (
          <Table caption="Customers">
            <thead>
              <tr>
                <Th>Customer</Th>
                <Th>Contact</Th>
                <Th className="text-right">Domains</Th>
                <Th className="text-right">Logins</Th>
                <Th>May in the portal</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ customer, domainCount, userCount }) => {
                const allowed = ALLOWANCES.filter(({ key }) => customer[key]);
                return (
                  <tr key={customer.id}>
                    <Td>
                      <Link
                        href={`/customers/${customer.id}`}
                        className="font-medium text-accent underline-offset-2 hover:underline"
                      >
                        {customer.name}
                      </Link>
                    </Td>
                    <Td>
                      {customer.contactName || customer.contactEmail ? (
                        <>
                          {customer.contactName}
                          {customer.contactEmail ? (
                            <span className="block break-all text-xs text-muted">
                              {customer.contactEmail}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-muted">None</span>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">{domainCount}</Td>
                    <Td className="text-right tabular-nums">{userCount}</Td>
                    <Td>
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
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </div>
    </>
  );
}
