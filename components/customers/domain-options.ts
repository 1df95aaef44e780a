import type { DomainOption } from "./domain-picker";

/**
 * The picker's rows: every domain of the eNom account, plus the customer's own domains that are
 * no longer in it (so they can still be removed). Without the account's list (eNom did not
 * answer), only the customer's own domains, which the database knows.
 */
export function domainOptions(input: {
  customerId: string;
  assigned: readonly string[];
  accountDomains: readonly string[] | null;
  owners: ReadonlyMap<string, { customerId: string; customerName: string }>;
}): DomainOption[] {
  const assigned = new Set(input.assigned);
  const account = input.accountDomains ? new Set(input.accountDomains) : null;
  const names = [...new Set([...input.assigned, ...(input.accountDomains ?? [])])].sort();
  return names.map((name) => {
    const owner = input.owners.get(name);
    return {
      name,
      assigned: assigned.has(name),
      owner:
        owner && owner.customerId !== input.customerId
          ? { id: owner.customerId, name: owner.customerName }
          : null,
      inAccount: account ? account.has(name) : null,
    };
  });
}
