import { describe, expect, it } from "vitest";
import { evaluateMailHealth, type CheckReason } from "./evaluate";
import {
  CHECK_IDS,
  providerRecords,
  worstStatus,
  type CheckId,
  type HealthStatus,
  type LookupOutcome,
  type MailDnsLookups,
} from "./model";

const domain = "example.com";
const expected = providerRecords(domain);
const found = <T>(...records: T[]): LookupOutcome<T> => ({ kind: "found", records });
const none = { kind: "none" } as const;
const failed = { kind: "failed", code: "ETIMEOUT" } as const;
const SPF = "v=spf1 include:_spf.emfwd.name-services.com ~all";

function healthy(): MailDnsLookups {
  return {
    domain,
    mx: found({ exchange: expected.mx, priority: 10 }),
    apexTxt: found("google-site-verification=abc", SPF),
    dmarcTxt: found("v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"),
    dkim: { k1: found(expected.dkim.k1), k2: found(expected.dkim.k2) },
    ns: found("dns1.name-services.com", "dns2.name-services.com"),
  };
}

function evaluate(changes: Partial<MailDnsLookups>, emailService: boolean | "unknown" = true) {
  return evaluateMailHealth({ lookups: { ...healthy(), ...changes }, emailService });
}

interface Case {
  title: string;
  changes: Partial<MailDnsLookups>;
  check: CheckId;
  status: HealthStatus;
  reason: CheckReason;
  says: RegExp;
}

const cases: Case[] = [
  // MX
  {
    title: "MX at the provider",
    changes: {},
    check: "mx",
    status: "green",
    reason: "mx-ok",
    says: /delivered to your mailboxes/,
  },
  {
    title: "MX with a trailing dot and capitals is still the provider's",
    changes: { mx: found({ exchange: `MX.EXAMPLE.COM.cust.a.hostedemail.com.`, priority: 0 }) },
    check: "mx",
    status: "green",
    reason: "mx-ok",
    says: /delivered to your mailboxes/,
  },
  {
    title: "no MX at all",
    changes: { mx: none },
    check: "mx",
    status: "red",
    reason: "mx-missing",
    says: /will not arrive/,
  },
  {
    title: "MX pointing elsewhere",
    changes: { mx: found({ exchange: "aspmx.l.google.com", priority: 1 }) },
    check: "mx",
    status: "red",
    reason: "mx-elsewhere",
    says: /points to aspmx\.l\.google\.com .*never reaches your mailboxes/,
  },
  {
    title: "a null MX (refuses all mail)",
    changes: { mx: found({ exchange: "", priority: 0 }) },
    check: "mx",
    status: "red",
    reason: "mx-elsewhere",
    says: /refuses all mail/,
  },
  {
    title: "an extra MX with the same priority",
    changes: {
      mx: found({ exchange: expected.mx, priority: 10 }, { exchange: "mail.other.net", priority: 10 }),
    },
    check: "mx",
    status: "red",
    reason: "mx-extra-preferred",
    says: /mail\.other\.net.*some or all of your new mail goes there/,
  },
  {
    title: "an extra backup MX",
    changes: {
      mx: found({ exchange: expected.mx, priority: 10 }, { exchange: "backup.other.net", priority: 20 }),
    },
    check: "mx",
    status: "amber",
    reason: "mx-extra-backup",
    says: /backup mail servers \(backup\.other\.net\)/,
  },
  {
    title: "MX lookup failed",
    changes: { mx: failed },
    check: "mx",
    status: "unknown",
    reason: "not-checked",
    says: /^We could not check where your mail is delivered/,
  },
  // SPF
  {
    title: "SPF with the include and ~all",
    changes: {},
    check: "spf",
    status: "green",
    reason: "spf-ok",
    says: /treat mail from other servers as suspicious/,
  },
  {
    title: "SPF with the include and -all",
    changes: { apexTxt: found("v=spf1 mx include:_spf.emfwd.name-services.com -all") },
    check: "spf",
    status: "green",
    reason: "spf-ok",
    says: /refuse mail from any other server/,
  },
  {
    title: "SPF with the include and a redirect (its all comes from elsewhere)",
    changes: { apexTxt: found("v=spf1 include:_spf.emfwd.name-services.com redirect=_spf.example.com") },
    check: "spf",
    status: "green",
    reason: "spf-ok",
    says: /lists your email provider/,
  },
  {
    title: "no SPF record (only other TXT)",
    changes: { apexTxt: found("google-site-verification=abc") },
    check: "spf",
    status: "red",
    reason: "spf-missing",
    says: /no SPF record .*Gmail, Yahoo and Outlook/,
  },
  {
    title: "no TXT at all",
    changes: { apexTxt: none },
    check: "spf",
    status: "red",
    reason: "spf-missing",
    says: /no SPF record/,
  },
  {
    title: "two SPF records",
    changes: { apexTxt: found(SPF, "v=spf1 include:_spf.google.com ~all") },
    check: "spf",
    status: "red",
    reason: "spf-multiple",
    says: /2 SPF records .*only one is allowed/,
  },
  {
    title: "SPF with +all",
    changes: { apexTxt: found("v=spf1 include:_spf.emfwd.name-services.com +all") },
    check: "spf",
    status: "red",
    reason: "spf-plus-all",
    says: /any server in the world/,
  },
  {
    title: "SPF with a bare all (means +all)",
    changes: { apexTxt: found("v=spf1 include:_spf.emfwd.name-services.com all") },
    check: "spf",
    status: "red",
    reason: "spf-plus-all",
    says: /any server in the world/,
  },
  {
    title: "SPF without the include, ending in -all",
    changes: { apexTxt: found("v=spf1 include:_spf.google.com -all") },
    check: "spf",
    status: "red",
    reason: "spf-no-include-hard-fail",
    says: /does not list your email provider .*may be rejected/,
  },
  {
    title: "SPF without the include, ending in ~all",
    changes: { apexTxt: found("v=spf1 include:_spf.google.com ~all") },
    check: "spf",
    status: "amber",
    reason: "spf-no-include",
    says: /does not list your email provider, so mail you send may be marked as spam/,
  },
  {
    title: "SPF with the include and ?all",
    changes: { apexTxt: found("v=spf1 include:_spf.emfwd.name-services.com ?all") },
    check: "spf",
    status: "amber",
    reason: "spf-weak-all",
    says: /does not say what to do with mail from other servers/,
  },
  {
    title: "SPF with the include and no all",
    changes: { apexTxt: found("v=spf1 include:_spf.emfwd.name-services.com") },
    check: "spf",
    status: "amber",
    reason: "spf-weak-all",
    says: /does not say what to do/,
  },
  {
    title: "TXT lookup failed",
    changes: { apexTxt: failed },
    check: "spf",
    status: "unknown",
    reason: "not-checked",
    says: /^We could not check your SPF record/,
  },
  // DKIM
  {
    title: "both DKIM CNAMEs right",
    changes: {},
    check: "dkim",
    status: "green",
    reason: "dkim-ok",
    says: /carries your DKIM/,
  },
  {
    title: "k2 missing",
    changes: { dkim: { k1: found(expected.dkim.k1), k2: none } },
    check: "dkim",
    status: "amber",
    reason: "dkim-one-missing",
    says: /One of your two DKIM records/,
  },
  {
    title: "k1 pointing elsewhere",
    changes: { dkim: { k1: found("dkim.mcsv.net"), k2: found(expected.dkim.k2) } },
    check: "dkim",
    status: "amber",
    reason: "dkim-one-missing",
    says: /missing or wrong/,
  },
  {
    title: "both DKIM missing",
    changes: { dkim: { k1: none, k2: none } },
    check: "dkim",
    status: "red",
    reason: "dkim-missing",
    says: /cannot verify your mail/,
  },
  {
    title: "a DKIM lookup failed while the other is missing",
    changes: { dkim: { k1: none, k2: failed } },
    check: "dkim",
    status: "unknown",
    reason: "not-checked",
    says: /^We could not check your DKIM/,
  },
  // DMARC
  {
    title: "DMARC p=quarantine",
    changes: {},
    check: "dmarc",
    status: "green",
    reason: "dmarc-enforced",
    says: /refuse or junk mail that fakes your address/,
  },
  {
    title: "DMARC p=reject",
    changes: { dmarcTxt: found("v=DMARC1;p=reject") },
    check: "dmarc",
    status: "green",
    reason: "dmarc-enforced",
    says: /refuse or junk/,
  },
  {
    title: "DMARC p=none (green, with a note that it does not stop fakes)",
    changes: { dmarcTxt: found("v=DMARC1; p=none; rua=mailto:d@example.com") },
    check: "dmarc",
    status: "green",
    reason: "dmarc-monitor",
    says: /monitor only.*does not yet stop/,
  },
  {
    title: "no DMARC",
    changes: { dmarcTxt: none },
    check: "dmarc",
    status: "amber",
    reason: "dmarc-missing",
    says: /no DMARC policy/,
  },
  {
    title: "only a non-DMARC TXT at _dmarc",
    changes: { dmarcTxt: found("some verification token") },
    check: "dmarc",
    status: "amber",
    reason: "dmarc-missing",
    says: /no DMARC policy/,
  },
  {
    title: "DMARC without a policy",
    changes: { dmarcTxt: found("v=DMARC1; rua=mailto:d@example.com") },
    check: "dmarc",
    status: "red",
    reason: "dmarc-malformed",
    says: /not written correctly/,
  },
  {
    title: "DMARC with an unknown policy",
    changes: { dmarcTxt: found("v=DMARC1; p=block") },
    check: "dmarc",
    status: "red",
    reason: "dmarc-malformed",
    says: /not written correctly/,
  },
  {
    title: "DMARC with the wrong version spelling",
    changes: { dmarcTxt: found("v=dmarc1; p=none") },
    check: "dmarc",
    status: "red",
    reason: "dmarc-malformed",
    says: /not written correctly/,
  },
  {
    title: "DMARC with the version not first",
    changes: { dmarcTxt: found("p=none; v=DMARC1") },
    check: "dmarc",
    status: "amber",
    reason: "dmarc-missing",
    says: /no DMARC policy/,
  },
  {
    title: "DMARC with a broken tag",
    changes: { dmarcTxt: found("v=DMARC1; p=none; pct") },
    check: "dmarc",
    status: "red",
    reason: "dmarc-malformed",
    says: /not written correctly/,
  },
  {
    title: "two DMARC records",
    changes: { dmarcTxt: found("v=DMARC1; p=none", "v=DMARC1; p=reject") },
    check: "dmarc",
    status: "red",
    reason: "dmarc-multiple",
    says: /2 DMARC policies .*all ignored/,
  },
  {
    title: "DMARC lookup failed",
    changes: { dmarcTxt: failed },
    check: "dmarc",
    status: "unknown",
    reason: "not-checked",
    says: /^We could not check your DMARC/,
  },
];

describe("evaluateMailHealth, check by check", () => {
  it.each(cases)("$title: $check is $status", ({ changes, check, status, reason, says }) => {
    const result = evaluate(changes).checks[check];
    expect({ status: result.status, reason: result.reason }).toEqual({ status, reason });
    expect(result.sentence).toMatch(says);
  });

  it.each([
    [true, "green", "service-on", /switched on/],
    [false, "red", "service-off", /switched off .*cannot receive mail/],
    ["unknown", "unknown", "not-checked", /^We could not check whether email is switched on/],
  ] as const)("the email service %s is %s", (state, status, reason, says) => {
    const result = evaluate({}, state).checks.service;
    expect(result).toMatchObject({ status, reason });
    expect(result.sentence).toMatch(says);
  });
});

describe("evaluateMailHealth, as a whole", () => {
  it("is green when everything matches the provider's records", () => {
    const health = evaluate({});
    expect(health.status).toBe("green");
    expect(CHECK_IDS.map((id) => health.checks[id].status)).toEqual(Array(5).fill("green"));
  });

  it("takes the worst check's status", () => {
    expect(evaluate({ dmarcTxt: none }).status).toBe("amber");
    expect(evaluate({ dmarcTxt: none, mx: none }).status).toBe("red");
    expect(evaluate({ mx: failed }).status).toBe("unknown");
    expect(evaluate({ mx: failed, dmarcTxt: none }).status).toBe("amber");
  });

  it("never reports a failed lookup as a missing record", () => {
    const health = evaluate(
      { mx: failed, apexTxt: failed, dmarcTxt: failed, dkim: { k1: failed, k2: failed } },
      "unknown",
    );
    for (const id of CHECK_IDS) {
      expect(health.checks[id].status).toBe("unknown");
      expect(health.checks[id].sentence).toMatch(/^We could not check/);
      expect(health.checks[id].sentence).not.toMatch(/\bno\b|missing/);
    }
    expect(health.status).toBe("unknown");
  });

  it("speaks of the provider by the brand it is given, never as eNom", () => {
    const worst = {
      mx: found({ exchange: "mail.elsewhere.net", priority: 10 }),
      apexTxt: found("v=spf1 -all"),
      dmarcTxt: none,
      dkim: { k1: none, k2: found(expected.dkim.k2) },
    };
    const branded = evaluateMailHealth({
      lookups: { ...healthy(), ...worst },
      emailService: false,
      provider: "Acme Mail",
    });
    expect(branded.checks.mx.sentence).toContain("instead of Acme Mail");
    expect(branded.checks.spf.sentence).toContain("does not list Acme Mail");
    expect(branded.checks.service.sentence).toContain("at Acme Mail");
    const sentences = [
      ...cases.map((c) => evaluate(c.changes).checks[c.check].sentence),
      ...Object.values(branded.checks).map((c) => c.sentence),
    ];
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/enom|name-services|hostedemail/i);
      // One sentence: a capital at the start, one full stop at the end.
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });

  it("accepts a domain written with capitals and a final dot", () => {
    expect(
      evaluateMailHealth({ lookups: { ...healthy(), domain: "Example.COM." }, emailService: true }).status,
    ).toBe("green");
  });
});

describe("worstStatus", () => {
  it.each([
    [[], "green"],
    [["green", "green"], "green"],
    [["green", "unknown"], "unknown"],
    [["unknown", "amber"], "amber"],
    [["amber", "red", "unknown"], "red"],
  ] as const)("%j is %s", (statuses, worst) => {
    expect(worstStatus(statuses)).toBe(worst);
  });
});
