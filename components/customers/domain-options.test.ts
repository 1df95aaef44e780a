import { describe, expect, it } from "vitest";
import { domainOptions } from "./domain-options";

const owners = new Map([
  ["mine.test", { customerId: "c1", customerName: "Northwind" }],
  ["gone.test", { customerId: "c1", customerName: "Northwind" }],
  ["theirs.test", { customerId: "c2", customerName: "Contoso" }],
]);

describe("the domain picker's rows", () => {
  it("lists the account's domains, marks the customer's own and names other owners", () => {
    expect(
      domainOptions({
        customerId: "c1",
        assigned: ["gone.test", "mine.test"],
        accountDomains: ["free.test", "mine.test", "theirs.test"],
        owners,
      }),
    ).toEqual([
      { name: "free.test", assigned: false, owner: null, inAccount: true },
      { name: "gone.test", assigned: true, owner: null, inAccount: false },
      { name: "mine.test", assigned: true, owner: null, inAccount: true },
      { name: "theirs.test", assigned: false, owner: { id: "c2", name: "Contoso" }, inAccount: true },
    ]);
  });

  it("shows only the customer's own domains when eNom did not answer", () => {
    expect(
      domainOptions({ customerId: "c1", assigned: ["mine.test"], accountDomains: null, owners }),
    ).toEqual([{ name: "mine.test", assigned: true, owner: null, inAccount: null }]);
  });
});
