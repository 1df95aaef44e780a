import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, Td, Th } from "./table";

const html = renderToStaticMarkup(
  <Table caption="Customers">
    <thead>
      <tr>
        <Th>Customer</Th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <Td>Northwind Traders</Td>
      </tr>
    </tbody>
  </Table>,
);

describe("Table", () => {
  it("scrolls sideways inside a positioned frame, so hidden labels never widen the page", () => {
    expect(html).toMatch(/^<div class="min-w-0"><div class="relative overflow-x-auto [^"]*"><table/);
    expect(html).toContain('<caption class="sr-only">Customers</caption>');
    expect(html).toContain('<th scope="col"');
  });

  it("is no focus stop and says nothing about scrolling until the browser finds it wider than its frame", () => {
    expect(html).not.toContain("tabindex");
    expect(html).not.toContain('role="region"');
    expect(html).not.toContain("Scroll sideways");
  });
});
