// The demo's sign-ins, printed by `npm run demo`; lib/db/seed-demo.ts creates exactly these.
export const demoLogins = [
  { email: "admin@demo.test", role: "admin: everything, including users and settings" },
  { email: "staff@demo.test", role: "staff: domains, mailboxes, customers, audit log" },
  {
    email: "customer@demo.test",
    role: "customer: Northwind Traders' portal (mailboxes, auto-renew; no buying)",
  },
  {
    email: "bakery@demo.test",
    role: "customer: Oakridge Bakery's portal (buys and renews up to $300 a month, approved by staff)",
  },
];
