// The demo's sign-ins, printed by `npm run demo`; lib/db/seed-demo.ts creates exactly these.
export const demoLogins = [
  { email: "admin@demo.test", role: "admin: everything, including users and settings" },
  { email: "staff@demo.test", role: "staff: domains, mailboxes, customers, audit log" },
  { email: "customer@demo.test", role: "customer: the self-service portal for Northwind Traders" },
];
