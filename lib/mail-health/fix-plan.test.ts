import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateMailHealth, type MailHealth } from "./evaluate";
import { MAX_HOST_RECORDS, planMailFix, type FixPlan, type HostRecord } from "./fix-plan";
import { CHECK_IDS, normaliseHost, providerRecords, type LookupOutcome, type MailDnsLookups } from "./model";

const domain = "example.com";
const expected = providerRecords(domain);
const PROVIDER_SPF = "v=spf1 include:_spf.emfwd.name-services.com ~all";

const a: HostRecord = { name: "@", type: "A", address: "203.0.113.7" };
const www: HostRecord = { name: "www", type: "CNAME", address: "example.com." };
const verification: HostRecord = { name: "@", type: "TXT", address: "google-site-verification=abc123" };
const ourMx: HostRecord = { name: "@", type: "MX", address: `${expected.mx}.`, mxPref: 10 };
const spf: HostRecord = { name: "@", type: "TXT", address: PROVIDER_SPF };
const k1: HostRecord = { name: "k1._domainkey", type: "CNAME", address: `${expected.dkim.k1}.` };
const k2: HostRecord = { name: "k2._domainkey", type: "CNAME", address: `${expected.dkim.k2}.` };
const dmarc: HostRecord = { name: "_dmarc", type: "TXT", address: "v=DMARC1; p=none" };
const complete = [a, www, verification, ourMx, spf, k1, k2, dmarc];

/** What DNS answers for a domain whose host records are these (as the provider serves them). */
function dnsFor(records: readonly HostRecord[]): MailDnsLookups {
  const at = (name: string, type: string) =>
    records.filter((r) => normaliseHost(r.name || "@") === name && r.type === type);
  const outcome = <T>(values: T[]): LookupOutcome<T> =>
    values.length > 0 ? { kind: "found", records: values } : { kind: "none" };
  return {
    domain,
    mx: outcome(at("@", "MX").map((r) => ({ exchange: normaliseHost(r.address), priority: r.mxPref ?? 10 }))),
    apexTxt: outcome(at("@", "TXT").map((r) => r.address)),
    dmarcTxt: outcome(at("_dmarc", "TXT").map((r) => r.address)),
    dkim: {
      k1: outcome(at("k1._domainkey", "CNAME").map((r) => normaliseHost(r.address))),
      k2: outcome(at("k2._domainkey", "CNAME").map((r) => normaliseHost(r.address))),
    },
    ns: outcome(["dns1.name-services.com"]),
  };
}

function healthOf(records: readonly HostRecord[], emailService: boolean | "unknown" = true): MailHealth {
  return evaluateMailHealth({ lookups: dnsFor(records), emailService });
}

function planFor(records: readonly HostRecord[], options: { routeMailToProvider?: boolean } = {}) {
  return planMailFix({ health: healthOf(records), dns: { hostedByProvider: true, records }, ...options });
}

function setHosts(plan: FixPlan) {
  if (plan.kind !== "set-hosts") throw new Error(`expected a SetHosts plan, got ${plan.kind}`);
  return plan;
}

const without = (...gone: HostRecord[]) => complete.filter((r) => !gone.includes(r));
const spfRecords = (records: readonly HostRecord[]) =>
  records.filter((r) => r.type === "TXT" && /^v=spf1/i.test(r.address));

describe("planMailFix on the provider's DNS", () => {
  it("adds the missing DKIM and DMARC records and keeps every other record (the issue's story)", () => {
    const before = without(k1, k2, dmarc);
    const plan = setHosts(planFor(before));
    expect(plan.add.map((x) => x.record)).toEqual([
      { name: "k1._domainkey", type: "CNAME", address: "k1.example.com.dkim.hostedemail.link." },
      { name: "k2._domainkey", type: "CNAME", address: "k2.example.com.dkim.hostedemail.link." },
      { name: "_dmarc", type: "TXT", address: "v=DMARC1; p=none" },
    ]);
    expect(plan.change).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toEqual(before);
    expect(plan.records).toEqual([...before, ...plan.add.map((x) => x.record)]);
    // The unrelated TXT and A record are still there afterwards.
    expect(plan.records).toContainEqual(verification);
    expect(plan.records).toContainEqual(a);
    expect(plan.records).toContainEqual(www);
    expect(healthOf(before).status).toBe("red");
    expect(healthOf(plan.records).status).toBe("green");
  });

  it("has nothing to do for a healthy domain", () => {
    const plan = setHosts(planFor(complete));
    expect(plan).toMatchObject({ empty: true, add: [], change: [], remove: [], notes: [] });
    expect(plan.records).toEqual(complete);
  });

  it("accepts names and addresses written in other ways (FQDN, capitals, no final dot)", () => {
    const written: HostRecord[] = [
      { name: "", type: "MX", address: `MX.Example.com.cust.a.hostedemail.com`, mxPref: 5 },
      { name: "example.com.", type: "TXT", address: PROVIDER_SPF },
      { name: "K1._domainkey.example.com", type: "CNAME", address: expected.dkim.k1.toUpperCase() },
      { name: "k2._domainkey", type: "CNAME", address: expected.dkim.k2 },
      { name: "_DMARC", type: "TXT", address: "v=DMARC1; p=reject" },
    ];
    expect(setHosts(planFor(written)).empty).toBe(true);
  });

  describe("SPF", () => {
    it.each([
      ["no SPF record", without(spf), null, PROVIDER_SPF],
      [
        "another sender's SPF",
        [...without(spf), { name: "@", type: "TXT", address: "v=spf1 include:_spf.google.com ~all" }],
        "v=spf1 include:_spf.google.com ~all",
        "v=spf1 include:_spf.google.com include:_spf.emfwd.name-services.com ~all",
      ],
      [
        "a strict SPF without the include (its -all kept)",
        [...without(spf), { name: "@", type: "TXT", address: "v=spf1 ip4:198.51.100.0/24 mx -all" }],
        "v=spf1 ip4:198.51.100.0/24 mx -all",
        "v=spf1 ip4:198.51.100.0/24 mx include:_spf.emfwd.name-services.com -all",
      ],
      [
        "an SPF that lets anyone send (+all)",
        [...without(spf), { name: "@", type: "TXT", address: "v=spf1 a +all" }],
        "v=spf1 a +all",
        "v=spf1 a include:_spf.emfwd.name-services.com ~all",
      ],
      [
        "an SPF with the include but ?all",
        [
          ...without(spf),
          { name: "@", type: "TXT", address: "v=spf1 include:_spf.emfwd.name-services.com ?all" },
        ],
        "v=spf1 include:_spf.emfwd.name-services.com ?all",
        PROVIDER_SPF,
      ],
      [
        "an SPF with no all",
        [...without(spf), { name: "@", type: "TXT", address: "v=spf1 mx" }],
        "v=spf1 mx",
        "v=spf1 mx include:_spf.emfwd.name-services.com ~all",
      ],
      [
        "an SPF that redirects (the include goes before the modifier, no all added)",
        [...without(spf), { name: "@", type: "TXT", address: "v=spf1 mx redirect=_spf.example.com" }],
        "v=spf1 mx redirect=_spf.example.com",
        "v=spf1 mx include:_spf.emfwd.name-services.com redirect=_spf.example.com",
      ],
    ] satisfies [string, HostRecord[], string | null, string][])(
      "%s: one SPF record afterwards, including the provider",
      (_, before, from, to) => {
        const plan = setHosts(planFor(before));
        const after = spfRecords(plan.records);
        expect(after.map((r) => r.address)).toEqual([to]);
        if (from === null) expect(plan.add.map((x) => x.record.address)).toContain(to);
        else
          expect(plan.change).toEqual([
            expect.objectContaining({ before: expect.objectContaining({ address: from }) }),
          ]);
        expect(plan.records).toContainEqual(verification);
        expect(healthOf(plan.records).checks.spf.status).toBe("green");
        expect(setHosts(planFor(plan.records)).empty).toBe(true);
      },
    );

    it("merges two SPF records into one, removing the second", () => {
      const google: HostRecord = { name: "@", type: "TXT", address: "v=spf1 include:_spf.google.com -all" };
      const mailchimp: HostRecord = {
        name: "@",
        type: "TXT",
        address: "v=spf1 include:servers.mcsv.net ~all",
      };
      const plan = setHosts(planFor([...without(spf), google, mailchimp]));
      expect(plan.change).toHaveLength(1);
      expect(plan.change[0]?.after.address).toBe(
        "v=spf1 include:_spf.google.com include:servers.mcsv.net include:_spf.emfwd.name-services.com ~all",
      );
      expect(plan.remove.map((x) => x.record)).toEqual([mailchimp]);
      expect(spfRecords(plan.records)).toHaveLength(1);
      expect(healthOf(plan.records).checks.spf.status).toBe("green");
    });

    it("keeps -all when every record it merges said -all", () => {
      const plan = setHosts(
        planFor([
          ...without(spf),
          { name: "@", type: "TXT", address: "v=spf1 mx -all" },
          { name: "@", type: "TXT", address: PROVIDER_SPF.replace("~all", "-all") },
        ]),
      );
      expect(spfRecords(plan.records).map((r) => r.address)).toEqual([
        "v=spf1 mx include:_spf.emfwd.name-services.com -all",
      ]);
    });

    it("leaves two SPF records with modifiers alone, saying why", () => {
      const twisted = [
        ...without(spf),
        { name: "@", type: "TXT", address: "v=spf1 redirect=_spf.a.example" },
        { name: "@", type: "TXT", address: "v=spf1 mx ~all" },
      ] satisfies HostRecord[];
      const plan = setHosts(planFor(twisted));
      expect(plan.empty).toBe(true);
      expect(plan.notes).toEqual([expect.stringMatching(/2 SPF records .*merge them into one/)]);
    });
  });

  describe("MX", () => {
    const google: HostRecord = { name: "@", type: "MX", address: "aspmx.l.google.com.", mxPref: 1 };
    const backup: HostRecord = { name: "@", type: "MX", address: "backup.other.net.", mxPref: 20 };
    const bounce: HostRecord = {
      name: "bounce",
      type: "MX",
      address: "feedback-smtp.mailer.net.",
      mxPref: 10,
    };

    it("adds the provider's MX when there is none", () => {
      const plan = setHosts(planFor(without(ourMx)));
      expect(plan.add.map((x) => x.record)).toEqual([ourMx]);
    });

    it("leaves MX records that point elsewhere unless the customer asked to move the mail", () => {
      const before = [...without(ourMx), google, bounce];
      const plan = setHosts(planFor(before));
      expect(plan.empty).toBe(true);
      expect(plan.records).toEqual(before);
      expect(plan.notes).toEqual([
        expect.stringMatching(/delivered to aspmx\.l\.google\.com, not to your email provider/),
      ]);
    });

    it("replaces only the MX records that point elsewhere when asked, keeping a subdomain's MX", () => {
      const before = [...without(ourMx), google, bounce];
      const plan = setHosts(planFor(before, { routeMailToProvider: true }));
      expect(plan.remove.map((x) => x.record)).toEqual([google]);
      expect(plan.add.map((x) => x.record)).toEqual([ourMx]);
      expect(plan.records).toContainEqual(bounce);
      expect(healthOf(plan.records).checks.mx.status).toBe("green");
    });

    it("removes an extra backup MX when asked, keeping the provider's", () => {
      const plan = setHosts(planFor([...complete, backup], { routeMailToProvider: true }));
      expect(plan.remove.map((x) => x.record)).toEqual([backup]);
      expect(plan.add).toEqual([]);
      expect(plan.records).toEqual(complete);
    });

    it("treats mail forwarding by MXE as mail going elsewhere", () => {
      const mxe: HostRecord = { name: "@", type: "MXE", address: "198.51.100.25" };
      expect(setHosts(planFor([...without(ourMx), mxe])).notes).toHaveLength(1);
      const moved = setHosts(planFor([...without(ourMx), mxe], { routeMailToProvider: true }));
      expect(moved.remove.map((x) => x.record)).toEqual([mxe]);
      expect(moved.add.map((x) => x.record)).toEqual([ourMx]);
    });
  });

  describe("DKIM and DMARC", () => {
    it("replaces a DKIM name that points elsewhere, saying what it pointed to", () => {
      const stale: HostRecord = { name: "k1._domainkey", type: "CNAME", address: "dkim.mcsv.net." };
      const plan = setHosts(planFor([...without(k1), stale]));
      expect(plan.change).toEqual([
        {
          before: stale,
          after: { name: "k1._domainkey", type: "CNAME", address: `${expected.dkim.k1}.` },
          reason: expect.stringContaining("pointed to dkim.mcsv.net"),
        },
      ]);
      expect(plan.records.filter((r) => r.name === "k1._domainkey")).toHaveLength(1);
    });

    it("replaces a TXT key at a DKIM name with the CNAME", () => {
      const key: HostRecord = { name: "k2._domainkey", type: "TXT", address: "v=DKIM1; k=rsa; p=MIGf" };
      const plan = setHosts(planFor([...without(k2), key]));
      expect(plan.change.map((c) => [c.before, c.after])).toEqual([[key, k2]]);
    });

    it.each([
      ["an enforcing policy", { name: "_dmarc", type: "TXT", address: "v=DMARC1; p=reject" }, 0],
      ["a CNAME that delegates DMARC", { name: "_dmarc", type: "CNAME", address: "dmarc.vendor.net." }, 0],
      ["a malformed policy", { name: "_dmarc", type: "TXT", address: "v=DMARC1; p=block" }, 1],
    ] satisfies [string, HostRecord, number][])(
      "never adds a second DMARC record beside %s",
      (_, existing, notes) => {
        const plan = setHosts(planFor([...without(dmarc), existing]));
        expect(plan.empty).toBe(true);
        expect(plan.notes).toHaveLength(notes);
      },
    );

    it("adds DMARC beside an unrelated TXT at _dmarc", () => {
      const token: HostRecord = { name: "_dmarc", type: "TXT", address: "verification=xyz" };
      const plan = setHosts(planFor([...without(dmarc), token]));
      expect(plan.add.map((x) => x.record)).toEqual([dmarc]);
      expect(plan.records).toContainEqual(token);
    });
  });

  it("mentions an email service that is off, which host records cannot fix", () => {
    const plan = planMailFix({
      health: healthOf(complete, false),
      dns: { hostedByProvider: true, records: complete },
    });
    expect(setHosts(plan).empty).toBe(true);
    expect(plan.notes).toEqual([expect.stringMatching(/switched off/)]);
  });

  describe(`the limit of ${MAX_HOST_RECORDS} host records`, () => {
    const filler = (count: number): HostRecord[] =>
      Array.from({ length: count }, (_, i) => ({ name: `host${i}`, type: "A", address: `192.0.2.${i + 1}` }));

    it("refuses a fix that would need more, saying how many to delete", () => {
      const before = [...filler(MAX_HOST_RECORDS - 2), ourMx, spf]; // 50 records, needs 3 more
      const plan = planFor(before);
      expect(plan).toEqual({
        kind: "too-many-records",
        needed: 53,
        limit: 50,
        message:
          "This fix needs 53 DNS records, but a domain can have at most 50; delete 3 records you no longer use, then run the fix again.",
        notes: [],
      });
    });

    it("says 'record' for one", () => {
      const plan = planFor([...filler(MAX_HOST_RECORDS - 4), ourMx, spf, k1, k2]); // 50, needs DMARC
      expect(plan.kind === "too-many-records" && plan.message).toMatch(/delete 1 record you/);
    });

    it("writes exactly 50", () => {
      const plan = setHosts(planFor([...filler(MAX_HOST_RECORDS - 5), ourMx, spf])); // 47 + 3
      expect(plan.records).toHaveLength(MAX_HOST_RECORDS);
    });

    it("counts records it removes", () => {
      const google: HostRecord = { name: "@", type: "MX", address: "aspmx.l.google.com.", mxPref: 1 };
      const alt: HostRecord = { name: "@", type: "MX", address: "alt1.aspmx.l.google.com.", mxPref: 5 };
      const before = [...filler(MAX_HOST_RECORDS - 7), google, alt, spf, k1, k2, dmarc]; // 49
      const plan = setHosts(planFor(before, { routeMailToProvider: true }));
      expect(plan.records).toHaveLength(MAX_HOST_RECORDS - 2);
    });
  });

  describe("idempotence: the plan applied turns every check green, and a second plan is empty", () => {
    const starts: [string, HostRecord[]][] = [
      ["nothing for mail", [a, www, verification]],
      ["no DKIM or DMARC", without(k1, k2, dmarc)],
      [
        "MX elsewhere, other SPF",
        [
          a,
          { name: "@", type: "MX", address: "mx.other.net", mxPref: 0 },
          { name: "@", type: "TXT", address: "v=spf1 mx -all" },
        ],
      ],
      [
        "two SPF records and a stale DKIM",
        [
          ...without(spf, k1),
          { ...spf },
          { name: "@", type: "TXT", address: "v=spf1 a ~all" },
          { name: "k1._domainkey", type: "CNAME", address: "old.example.net" },
        ],
      ],
      ["everything there", complete],
    ];

    it.each(starts)("%s", (_, before) => {
      const first = setHosts(planFor(before, { routeMailToProvider: true }));
      const health = healthOf(first.records);
      expect(Object.fromEntries(CHECK_IDS.map((id) => [id, health.checks[id].status]))).toEqual({
        mx: "green",
        spf: "green",
        dkim: "green",
        dmarc: "green",
        service: "green",
      });
      const second = setHosts(planFor(first.records, { routeMailToProvider: true }));
      expect(second.empty).toBe(true);
      expect(second.records).toEqual(first.records);
    });

    it("holds for any mix of unrelated records and mail records (property)", () => {
      const unrelated = fc.oneof(
        fc.record({
          name: fc.constantFrom("@", "www", "shop", "_acme"),
          type: fc.constant("A" as const),
          address: fc.ipV4(),
        }),
        fc.record({
          name: fc.constantFrom("@", "_verify", "selector1._domainkey"),
          type: fc.constant("TXT" as const),
          address: fc.stringMatching(/^[a-z]{1,12}=[a-z0-9]{1,12}$/),
        }),
        fc.record({
          name: fc.constantFrom("www", "blog", "autodiscover"),
          type: fc.constant("CNAME" as const),
          address: fc.domain(),
        }),
      );
      const mail = fc.subarray([
        ourMx,
        spf,
        k1,
        k2,
        dmarc,
        { name: "@", type: "MX", address: "mx.other.net.", mxPref: 5 },
        { name: "@", type: "TXT", address: "v=spf1 include:_spf.google.com -all" },
        { name: "k2._domainkey", type: "CNAME", address: "stale.example.net." },
      ] satisfies HostRecord[]);
      fc.assert(
        fc.property(fc.array(unrelated, { maxLength: 12 }), mail, (others, mailRecords) => {
          const before: HostRecord[] = [...others, ...mailRecords];
          const first = setHosts(planFor(before, { routeMailToProvider: true }));
          expect(healthOf(first.records).status).toBe("green");
          for (const record of others) expect(first.records).toContainEqual(record);
          expect(setHosts(planFor(first.records, { routeMailToProvider: true })).empty).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe("planMailFix when the domain's DNS is elsewhere: records to copy", () => {
  const elsewhere = { hostedByProvider: false } as const;
  const lookups = (changes: Partial<MailDnsLookups>): MailDnsLookups => ({ ...dnsFor(complete), ...changes });
  const copyPlan = (changes: Partial<MailDnsLookups>, routeMailToProvider = false) => {
    const plan = planMailFix({
      health: evaluateMailHealth({ lookups: lookups(changes), emailService: true }),
      dns: elsewhere,
      routeMailToProvider,
    });
    if (plan.kind !== "copy-records") throw new Error(`expected records to copy, got ${plan.kind}`);
    return plan;
  };

  it("lists nothing for a healthy domain", () => {
    expect(copyPlan({})).toEqual({ kind: "copy-records", records: [], notes: [], empty: true });
  });

  it("gives name, type and value for what is missing, and the merged SPF for what to change", () => {
    const plan = copyPlan({
      apexTxt: { kind: "found", records: ["v=spf1 include:_spf.google.com ~all", "other=1"] },
      dkim: { k1: { kind: "none" }, k2: { kind: "none" } },
      dmarcTxt: { kind: "none" },
    });
    expect(plan.records).toEqual([
      {
        action: "change",
        name: "@",
        fqdn: "example.com",
        type: "TXT",
        value: "v=spf1 include:_spf.google.com include:_spf.emfwd.name-services.com ~all",
        replaces: "v=spf1 include:_spf.google.com ~all",
        reason: expect.any(String),
      },
      {
        action: "add",
        name: "k1._domainkey",
        fqdn: "k1._domainkey.example.com",
        type: "CNAME",
        value: "k1.example.com.dkim.hostedemail.link",
        reason: expect.any(String),
      },
      {
        action: "add",
        name: "k2._domainkey",
        fqdn: "k2._domainkey.example.com",
        type: "CNAME",
        value: "k2.example.com.dkim.hostedemail.link",
        reason: expect.any(String),
      },
      {
        action: "add",
        name: "_dmarc",
        fqdn: "_dmarc.example.com",
        type: "TXT",
        value: "v=DMARC1; p=none",
        reason: expect.any(String),
      },
    ]);
  });

  it("gives the MX to add and the ones to remove when the customer moves their mail", () => {
    const plan = copyPlan(
      { mx: { kind: "found", records: [{ exchange: "aspmx.l.google.com", priority: 1 }] } },
      true,
    );
    expect(plan.records.map((r) => [r.action, r.type, r.value, r.mxPref])).toEqual([
      ["remove", "MX", "aspmx.l.google.com", 1],
      ["add", "MX", expected.mx, 10],
    ]);
  });

  it("where DNS did not answer, gives the records with a warning not to duplicate", () => {
    const failed = { kind: "failed", code: "ETIMEOUT" } as const;
    const plan = copyPlan({
      mx: failed,
      apexTxt: failed,
      dmarcTxt: failed,
      dkim: { k1: failed, k2: failed },
    });
    expect(plan.records.map((r) => [r.name, r.type])).toEqual([
      ["@", "MX"],
      ["@", "TXT"],
      ["k1._domainkey", "CNAME"],
      ["k2._domainkey", "CNAME"],
      ["_dmarc", "TXT"],
    ]);
    expect(plan.records.find((r) => r.type === "TXT" && r.name === "@")?.reason).toMatch(
      /instead of adding a second one/,
    );
    expect(plan.records.find((r) => r.name === "_dmarc")?.reason).toMatch(/only if you have none/);
  });
});
