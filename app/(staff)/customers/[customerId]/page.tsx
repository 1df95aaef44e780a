import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { customerFormValues } from "@/components/customers/customer-values";
import { CustomerSummary } from "@/components/customers/customer-summary";
import { AddCustomerLogin } from "@/components/customers/invite-first-login";
import { DeleteCustomer } from "@/components/customers/delete-customer";
import { DomainPicker } from "@/components/customers/domain-picker";
import { domainOptions } from "@/components/customers/domain-options";
import { EditCustomerForm } from "@/components/customers/edit-customer-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { StaffInvitationList } from "@/components/team/staff-invitation-list";
import type { StaffInvitationView } from "@/components/team/team-views";
import { toUserSummary } from "@/components/users/user-summary";
import { UsersTable } from "@/components/users/users-table";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/errors";
import {
  getCustomer,
  getCustomerDomains,
  getCustomerLogins,
  getDomainOwners,
  type CustomerRow,
} from "@/lib/customers/pages";
import { listAccountDomainNames } from "@/lib/domains/account-domains";
import { logger } from "@/lib/logger";
import { spendLimitText } from "@/lib/validation/customers";
import { listOpenInvitationsWithInviter, type StaffInvitationRow } from "@/lib/team/invitations";

interface Props {
  params: Promise<{ customerId: string }>;
}

/** The customer, or a 404 for a malformed or unknown id (the id comes from the address bar). */
async function customerFrom(user: SessionUser, params: Props["params"]): Promise<CustomerRow> {
  try {
    return await getCustomer(user, (await params).customerId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireStaffPage("customers.view");
  return { title: (await customerFrom(user, params)).name };
}

export default async function CustomerPage({ params }: Props) {
  const user = await requireStaffPage("customers.view");
  const customer = await customerFrom(user, params);
  const [logins, domains, invitations] = await Promise.all([
    getCustomerLogins(user, customer.id),
    getCustomerDomains(user, customer.id),
    listOpenInvitationsWithInviter(customer.id),
  ]);
  const now = new Date();
  // The support role sees the customer and changes nothing: no forms, no delete.
  const manage = can(user, "customers.manage");

  return (
    <>
      <PageHeader
        title={customer.name}
        description={`${domains.length} ${domains.length === 1 ? "domain" : "domains"} · ${logins.length} ${logins.length === 1 ? "login" : "logins"}`}
        actions={
          <>
            <Link href={`/customers/${customer.id}/preview`} className={buttonClasses("secondary")}>
              Preview portal
            </Link>
            <Link href={`/customers/${customer.id}/statement`} className={buttonClasses("secondary")}>
              Statement
            </Link>
            {manage ? (
              <Link href={`/customers/${customer.id}/prices`} className={buttonClasses("secondary")}>
                Prices
              </Link>
            ) : null}
            <Link href="/customers" className={buttonClasses("secondary")}>
              All customers
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="customer-details">
          <CardTitle className="mb-4">
            <span id="customer-details">Details and portal access</span>
          </CardTitle>
          {manage ? (
            <EditCustomerForm
              customerId={customer.id}
              saved={customerFormValues(customer)}
              spending={{
                monthlySpendLimit: spendLimitText(customer.monthlySpendLimitCents),
                purchaseApproval: customer.purchaseApproval,
              }}
            />
          ) : (
            <CustomerSummary customer={customer} />
          )}
        </Card>

        <Card aria-labelledby="customer-domains">
          <CardTitle className="mb-1">
            <span id="customer-domains">Domains</span>
          </CardTitle>
          <p className="mb-4 text-sm text-muted">
            The customer sees and manages the email of these domains in its portal. A domain belongs to one
            customer at a time.
          </p>
          {manage ? (
            <Suspense fallback={<Skeleton className="h-48" />}>
              <CustomerDomains user={user} customer={customer} assigned={domains} />
            </Suspense>
          ) : domains.length ? (
            <ul className="flex flex-col gap-1 text-sm">
              {domains.map((domain) => (
                <li key={domain}>{domain}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No domains yet.</p>
          )}
        </Card>

        <Card aria-labelledby="customer-logins">
          <CardTitle className="mb-4">
            <span id="customer-logins">Logins</span>
          </CardTitle>
          <div className="flex flex-col gap-6">
            {logins.length ? (
              <UsersTable
                users={logins.map((row) => toUserSummary(row, { selfId: user.id, now }))}
                caption={`Logins of ${customer.name}`}
                kind="customer"
                canChangeRole={false}
                readOnly={!manage}
              />
            ) : (
              <p className="text-sm text-muted">
                Nobody signs in for {customer.name} yet. Add a login so they can use the portal.
              </p>
            )}
            {manage ? (
              <section aria-labelledby="add-login">
                <h3 id="add-login" className="mb-3 text-sm font-semibold">
                  Add a login
                </h3>
                <AddCustomerLogin customerId={customer.id} customerName={customer.name} />
              </section>
            ) : null}
          </div>
        </Card>

        <Card aria-labelledby="customer-invitations">
          <CardTitle className="mb-1">
            <span id="customer-invitations">Pending invitations</span>
          </CardTitle>
          <p className="mb-4 text-sm text-muted">
            Colleagues invited by {customer.name}&apos;s administrators who have not joined yet. An invitation
            works only while whoever sent it is an active administrator.
          </p>
          <StaffInvitationList
            customerId={customer.id}
            customerName={customer.name}
            invitations={invitations.map((invitation) => toStaffInvitationView(invitation, now))}
            canRevoke={manage}
          />
        </Card>

        {manage ? (
          <Card aria-labelledby="delete-customer" className="border-danger/40">
            <CardTitle className="mb-1">
              <span id="delete-customer">Delete this customer</span>
            </CardTitle>
            <p className="mb-4 text-sm text-muted">
              Removes the customer, its logins and its domain assignments. The domains stay in your eNom
              account.
            </p>
            <DeleteCustomer
              customerId={customer.id}
              customerName={customer.name}
              loginCount={logins.length}
              domainCount={domains.length}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}

/**
 * The domain picker, streamed: it waits for eNom's domain list. Without it, the customer's own
 * domains (from the database) are still listed and can be removed.
 */
async function CustomerDomains({
  user,
  customer,
  assigned,
}: {
  user: SessionUser;
  customer: CustomerRow;
  assigned: string[];
}) {
  const [accountDomains, owners] = await Promise.all([
    listAccountDomainNames().catch((error: unknown) => {
      logger.warn({ err: error, customerId: customer.id }, "could not list the eNom account's domains");
      return null;
    }),
    getDomainOwners(user),
  ]);
  const options = domainOptions({ customerId: customer.id, assigned, accountDomains, owners });
  return (
    <div className="flex flex-col gap-4">
      {accountDomains === null ? (
        <Alert tone="warning" title="eNom could not be reached">
          Only the domains {customer.name} already has are listed. You can remove them now; adding domains
          needs eNom&apos;s list of your domains. Reload the page in a moment to try again.
        </Alert>
      ) : null}
      <DomainPicker customerId={customer.id} customerName={customer.name} options={options} />
    </div>
  );
}

function toStaffInvitationView(invitation: StaffInvitationRow, now: Date): StaffInvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    asAdmin: invitation.asAdmin,
    inviter: invitation.inviterName ? `${invitation.inviterName} (${invitation.inviterEmail ?? ""})` : null,
    sentAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    expired: invitation.expiresAt.getTime() <= now.getTime(),
  };
}
