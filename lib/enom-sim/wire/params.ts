/**
 * A request's parameters as eNom's ASP interface reads them: from the query string and from a
 * form-encoded POST body, names case-insensitive (`BundleID`, `bundleid`). A name sent twice in
 * one source is joined with ", " as ASP's Request collections do, so an ambiguous value fails
 * validation instead of one copy winning silently; a name in both sources takes the body's value.
 */
export class EnomParams {
  private readonly byName: Map<string, string>;
  /** Every name as sent, in order, for the call log. */
  readonly sent: ReadonlyArray<readonly [string, string]>;

  private constructor(byName: Map<string, string>, sent: Array<readonly [string, string]>) {
    this.byName = byName;
    this.sent = sent;
  }

  static parse(query: string, body = ""): EnomParams {
    const fromQuery = collect(query);
    const fromBody = collect(body);
    for (const [name, value] of fromBody.byName) fromQuery.byName.set(name, value);
    return new EnomParams(fromQuery.byName, [...fromQuery.sent, ...fromBody.sent]);
  }

  static of(values: Record<string, string>): EnomParams {
    return EnomParams.parse(new URLSearchParams(values).toString());
  }

  get(name: string): string | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Indices N (>= 1) for which `${base}N` was sent, ascending. */
  indicesOf(base: string): number[] {
    const pattern = new RegExp(`^${base.toLowerCase()}(\\d+)$`);
    const indices: number[] = [];
    for (const name of this.byName.keys()) {
      const match = pattern.exec(name);
      if (match) indices.push(Number(match[1]));
    }
    return indices.sort((a, b) => a - b);
  }
}

function collect(encoded: string): { byName: Map<string, string>; sent: Array<readonly [string, string]> } {
  const byName = new Map<string, string>();
  const sent: Array<readonly [string, string]> = [];
  for (const [name, value] of new URLSearchParams(encoded)) {
    sent.push([name, value]);
    const key = name.toLowerCase();
    const earlier = byName.get(key);
    byName.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { byName, sent };
}
