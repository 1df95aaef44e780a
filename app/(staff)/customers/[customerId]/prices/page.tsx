import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerPricesForm } from "@/components/ledger/customer-prices-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requireStaffPage } from "@/lib/auth/guards";
import { getCustomer } from "@/lib/customers/pages";
import { customerRetailSchema } from "@/lib/pricing/customer-price-model";
import { findCustomerPrices } from "@/lib/pricing/customer-prices";
import { getPriceList } from "@/lib/pricing/settings";

export const metadata: Metadata = { title: "Customer prices" };

/**
 * The retail prices one customer pays, over the price list's (staff who manage customers). The
 * customer's next quote, in its portal or when staff buy for one of its domains, uses them.
 */
export default async function CustomerPricesPage({ params }: { params: Promise<{ customerId: string }> }) {
  const user = await requireStaffPage("customers.manage");
  const customer = await getCustomer(user, (await params).customerId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [list, stored] = await Promise.all([getPriceList(), findCustomerPrices(customer.id)]);
  const own = stored ? customerRetailSchema.safeParse(stored.retail) : null;
  return (
    <>
      <PageHeader
        title={`Prices of ${customer.name}`}
        description={
          own?.success
            ? `${customer.name} has prices of its own, last changed by ${stored?.updatedByEmail ?? "someone"}. An empty price follows the price list.`
            : `${customer.name} pays the price list's retail prices. Enter a price to give them their own.`
        }
        actions={
          <Link href={`/customers/${customer.id}`} className={buttonClasses("secondary")}>
            Back to the customer
          </Link>
        }
      />
      <Card aria-label={`Retail prices of ${customer.name}`}>
        <CustomerPricesForm
          customerId={customer.id}
          customerName={customer.name}
          list={list.retail}
          own={own?.success ? own.data : null}
        />
      </Card>
    </>
  );
}
