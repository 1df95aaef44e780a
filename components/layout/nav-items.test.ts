import { describe, expect, it } from "vitest";
import { isActive, staffNavItems, visibleNavItems } from "./nav-items";

describe("the staff navigation", () => {
  it("lists the panel's sections in order", () => {
    expect(staffNavItems.map((item) => item.label)).toEqual([
      "Dashboard",
      "Domains",
      "Expirations",
      "Orders",
      "Activity",
      "Customers",
      "Users",
      "Audit log",
      "Settings",
      "Demo emails",
    ]);
  });

  it("shows the demo's captured emails only in the demo", () => {
    const labels = (demo: boolean) => visibleNavItems([], { demo }).map((item) => item.label);
    expect(labels(false)).not.toContain("Demo emails");
    expect(labels(true)).toContain("Demo emails");
  });

  it("shows a section only to those allowed to use it", () => {
    expect(visibleNavItems(["customers.view", "audit.view"]).map((item) => item.label)).toEqual([
      "Dashboard",
      "Domains",
      "Expirations",
      "Activity",
      "Customers",
      "Audit log",
    ]);
  });

  it("marks a section active on its own page and its sub-pages only", () => {
    expect(isActive("/", "/")).toBe(true);
    expect(isActive("/domains", "/")).toBe(false);
    expect(isActive("/domains/example.com", "/domains")).toBe(true);
    expect(isActive("/domainsx", "/domains")).toBe(false);
  });
});
