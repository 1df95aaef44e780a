import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListFilterForm } from "./list-filter-form";
import { ListRange } from "./list-range";
import { SortableTh } from "./sortable-th";

type Sort = "name" | "size";
const hrefFor = (sort: Sort, dir: "asc" | "desc") => `/things?sort=${sort}&dir=${dir}`;

function header(current: { sort: Sort; dir: "asc" | "desc" }, sort: Sort, firstDir?: "asc" | "desc") {
  return renderToStaticMarkup(
    <table>
      <thead>
        <tr>
          <SortableTh sort={sort} current={current} hrefFor={hrefFor} firstDir={firstDir}>
            Size
          </SortableTh>
        </tr>
      </thead>
    </table>,
  );
}

describe("SortableTh", () => {
  it("marks the column that orders the list, and a click on it reverses the order", () => {
    const html = header({ sort: "size", dir: "asc" }, "size");
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('href="/things?sort=size&amp;dir=desc"');
    expect(header({ sort: "size", dir: "desc" }, "size")).toContain('aria-sort="descending"');
  });

  it("starts another column in its first order, without marking it", () => {
    const html = header({ sort: "name", dir: "asc" }, "size");
    expect(html).not.toContain("aria-sort");
    expect(html).toContain('href="/things?sort=size&amp;dir=asc"');
    expect(header({ sort: "name", dir: "desc" }, "size", "desc")).toContain(
      'href="/things?sort=size&amp;dir=desc"',
    );
  });
});

describe("ListFilterForm", () => {
  const form = (order: { sort: string; dir: "asc" | "desc" }) =>
    renderToStaticMarkup(
      <ListFilterForm
        action="/things"
        label="Search and filter things"
        order={order}
        defaultOrder={{ sort: "name", dir: "asc" }}
        extraActions={<a href="/things.csv">Export CSV</a>}
      >
        <input name="q" />
      </ListFilterForm>,
    );

  it("is a named search form with Apply, Clear back to the bare list, and the list's own actions", () => {
    const html = form({ sort: "name", dir: "asc" });
    expect(html).toContain('role="search"');
    expect(html).toContain('aria-label="Search and filter things"');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Apply<\/button>/);
    expect(html).toMatch(/<a[^>]*href="\/things"[^>]*>Clear<\/a>/);
    expect(html).toContain("Export CSV");
    expect(html).not.toContain('type="hidden"');
  });

  it("keeps a chosen order through a new search", () => {
    const html = form({ sort: "size", dir: "desc" });
    expect(html).toContain('<input type="hidden" name="sort" value="size"/>');
    expect(html).toContain('<input type="hidden" name="dir" value="desc"/>');
  });
});

describe("ListRange", () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "");

  it("says which rows the page holds, of how many, and when they were read", () => {
    const html = renderToStaticMarkup(
      <ListRange
        page={2}
        pageSize={25}
        shown={25}
        total={1200}
        noun="domain"
        allTotal={3000}
        readAt="2026-06-01T08:00:00.000Z"
      />,
    );
    expect(text(html)).toMatch(
      /^Showing 26–50 of 1,200 domains matching \(3,000 in all\)\. Read at .+ UTC\.$/,
    );
  });

  it("leaves out the match count when nothing narrows the list", () => {
    const html = renderToStaticMarkup(
      <ListRange
        page={1}
        pageSize={50}
        shown={1}
        total={1}
        noun="pak"
        readAtLabel="Read from eNom at"
        readAt="2026-06-01T08:00:00.000Z"
      />,
    );
    expect(text(html)).toMatch(/^Showing 1–1 of 1 pak\. Read from eNom at .+ UTC\.$/);
  });
});
