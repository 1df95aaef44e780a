import {
  CHECK_IDS,
  DKIM_SELECTORS,
  normaliseHost,
  providerRecords,
  sameHost,
  worstStatus,
  type CheckId,
  type EmailServiceState,
  type HealthStatus,
  type LookupOutcome,
  type MailDnsLookups,
  type MxAnswer,
} from "./model";
import { isSpf, looksLikeDmarc, parseDmarc, parseSpf } from "./records";

/**
 * A domain's mail delivery health: what DNS says (lookup.ts) compared with the records the
 * provider publishes, and whether its email service is on. Each check has a status and one
 * sentence for a small-business owner. The portal is white-labelled: the provider is named only
 * by the `provider` words the caller passes ("your email provider" unless told otherwise).
 */

/** Why a check has its status; the panel and the fix plan read these, people read `sentence`. */
export type CheckReason =
  | "mx-ok"
  | "mx-missing"
  | "mx-elsewhere"
  | "mx-extra-preferred"
  | "mx-extra-backup"
  | "spf-ok"
  | "spf-missing"
  | "spf-multiple"
  | "spf-plus-all"
  | "spf-no-include-hard-fail"
  | "spf-no-include"
  | "spf-weak-all"
  | "dkim-ok"
  | "dkim-one-missing"
  | "dkim-missing"
  | "dmarc-enforced"
  | "dmarc-monitor"
  | "dmarc-missing"
  | "dmarc-malformed"
  | "dmarc-multiple"
  | "service-on"
  | "service-off"
  | "not-checked";

export interface HealthCheck {
  id: CheckId;
  status: HealthStatus;
  reason: CheckReason;
  sentence: string;
}

export interface MailHealth {
  domain: string;
  /** The worst check's status (model.ts `worstStatus`). */
  status: HealthStatus;
  checks: Record<CheckId, HealthCheck>;
  /** The answers it was judged on; the fix plan copies from them when DNS is hosted elsewhere. */
  lookups: MailDnsLookups;
}

export interface MailHealthInput {
  lookups: MailDnsLookups;
  emailService: EmailServiceState;
  /** How the customer knows the provider: a brand name, or the default "your email provider". */
  provider?: string;
}

const GLOSS = {
  mx: "MX record (the setting that tells the world where to deliver your mail)",
  spf: "SPF record (the list of servers allowed to send mail as you)",
  dkim: "DKIM records (the digital seal that proves your mail really comes from you)",
  dmarc: "DMARC policy (your instruction to other mail services about mail that fakes your address)",
};
const NO_ANSWER = "your domain's DNS, its address book on the internet, did not answer in time";

function check(id: CheckId, status: HealthStatus, reason: CheckReason, sentence: string): HealthCheck {
  return { id, status, reason, sentence };
}

function notChecked(id: CheckId, what: string): HealthCheck {
  return check(
    id,
    "unknown",
    "not-checked",
    `We could not check ${what} because ${NO_ANSWER}; we will try again.`,
  );
}

function hostList(hosts: readonly string[]): string {
  const names = hosts.map((host) => normaliseHost(host) || "nowhere (a record that refuses all mail)");
  return [...new Set(names)].join(", ");
}

function evaluateMx(lookup: LookupOutcome<MxAnswer>, expected: string, provider: string): HealthCheck {
  if (lookup.kind === "failed") return notChecked("mx", `where your mail is delivered (your ${GLOSS.mx})`);
  if (lookup.kind === "none")
    return check(
      "mx",
      "red",
      "mx-missing",
      `Your domain has no ${GLOSS.mx}, so mail sent to your addresses will not arrive.`,
    );
  const ours = lookup.records.filter((record) => sameHost(record.exchange, expected));
  const others = lookup.records.filter((record) => !sameHost(record.exchange, expected));
  if (ours.length === 0)
    return check(
      "mx",
      "red",
      "mx-elsewhere",
      `Your domain's ${GLOSS.mx} points to ${hostList(others.map((r) => r.exchange))} instead of ${provider}, so new mail goes there and never reaches your mailboxes.`,
    );
  if (others.length === 0)
    return check(
      "mx",
      "green",
      "mx-ok",
      `Mail sent to your addresses is delivered to your mailboxes at ${provider}.`,
    );
  const best = Math.min(...ours.map((record) => record.priority));
  const preferred = others.filter((record) => record.priority <= best);
  if (preferred.length > 0)
    return check(
      "mx",
      "red",
      "mx-extra-preferred",
      `Your domain also sends mail to ${hostList(preferred.map((r) => r.exchange))}, ahead of or alongside ${provider}, so some or all of your new mail goes there instead of your mailboxes.`,
    );
  return check(
    "mx",
    "amber",
    "mx-extra-backup",
    `Your domain lists backup mail servers (${hostList(others.map((r) => r.exchange))}) besides ${provider}, so whenever they are used your mail may be delayed or never reach your mailboxes.`,
  );
}

function evaluateSpf(lookup: LookupOutcome<string>, provider: string): HealthCheck {
  if (lookup.kind === "failed") return notChecked("spf", `your ${GLOSS.spf}`);
  const records = lookup.kind === "found" ? lookup.records.filter(isSpf) : [];
  if (records.length === 0)
    return check(
      "spf",
      "red",
      "spf-missing",
      `Your domain has no ${GLOSS.spf}, and Gmail, Yahoo and Outlook now reject or junk mail from domains without one.`,
    );
  if (records.length > 1)
    return check(
      "spf",
      "red",
      "spf-multiple",
      `Your domain has ${records.length} SPF records (lists of servers allowed to send mail as you) where only one is allowed, so other mail services treat them all as invalid and may reject your mail.`,
    );
  const [record = ""] = records;
  const spf = parseSpf(record);
  if (spf.all === "+")
    return check(
      "spf",
      "red",
      "spf-plus-all",
      `Your ${GLOSS.spf} ends in "+all", which allows any server in the world to send mail as you, so anyone can fake your address and your real mail is distrusted.`,
    );
  if (!spf.includesProvider && spf.all === "-")
    return check(
      "spf",
      "red",
      "spf-no-include-hard-fail",
      `Your ${GLOSS.spf} does not list ${provider} and tells other mail services to refuse mail from unlisted servers, so mail you send may be rejected.`,
    );
  if (!spf.includesProvider)
    return check(
      "spf",
      "amber",
      "spf-no-include",
      `Your ${GLOSS.spf} does not list ${provider}, so mail you send may be marked as spam.`,
    );
  if (spf.all === "?" || (spf.all === null && !spf.redirects))
    return check(
      "spf",
      "amber",
      "spf-weak-all",
      `Your ${GLOSS.spf} lists ${provider} but does not say what to do with mail from other servers, so it is easier for others to fake your address.`,
    );
  return check(
    "spf",
    "green",
    "spf-ok",
    spf.all === "-"
      ? `Your ${GLOSS.spf} lists ${provider} and tells other mail services to refuse mail from any other server.`
      : `Your ${GLOSS.spf} lists ${provider} and tells other mail services to treat mail from other servers as suspicious.`,
  );
}

function evaluateDkim(lookups: MailDnsLookups["dkim"], domain: string): HealthCheck {
  const expected = providerRecords(domain).dkim;
  if (DKIM_SELECTORS.some((selector) => lookups[selector].kind === "failed"))
    return notChecked("dkim", `your ${GLOSS.dkim}`);
  const inPlace = DKIM_SELECTORS.filter((selector) => {
    const lookup = lookups[selector];
    return lookup.kind === "found" && lookup.records.some((target) => sameHost(target, expected[selector]));
  });
  if (inPlace.length === DKIM_SELECTORS.length)
    return check(
      "dkim",
      "green",
      "dkim-ok",
      `Your mail carries your ${GLOSS.dkim}, which Gmail, Yahoo and Outlook require.`,
    );
  if (inPlace.length > 0)
    return check(
      "dkim",
      "amber",
      "dkim-one-missing",
      `One of your two ${GLOSS.dkim} is missing or wrong, so some of your mail may go out without its seal and be marked as spam.`,
    );
  return check(
    "dkim",
    "red",
    "dkim-missing",
    `Your ${GLOSS.dkim} are missing or wrong, so Gmail, Yahoo and Outlook cannot verify your mail and may reject it or mark it as spam.`,
  );
}

/**
 * `p=none` is green: it meets what Gmail, Yahoo and Outlook ask of senders, and a one-click fix
 * must not tighten a policy (quarantine or reject would junk the customer's mail sent through
 * services the panel cannot see, such as a newsletter tool). The sentence says it does not yet stop fakes.
 */
function evaluateDmarc(lookup: LookupOutcome<string>): HealthCheck {
  if (lookup.kind === "failed") return notChecked("dmarc", `your ${GLOSS.dmarc}`);
  const records = lookup.kind === "found" ? lookup.records.filter(looksLikeDmarc) : [];
  if (records.length === 0)
    return check(
      "dmarc",
      "amber",
      "dmarc-missing",
      `Your domain has no ${GLOSS.dmarc}, which Gmail, Yahoo and Outlook expect, so some of your mail may be marked as spam.`,
    );
  if (records.length > 1)
    return check(
      "dmarc",
      "red",
      "dmarc-multiple",
      `Your domain has ${records.length} DMARC policies (instructions to other mail services about mail that fakes your address) where only one is allowed, so they are all ignored.`,
    );
  const [record = ""] = records;
  const dmarc = parseDmarc(record);
  if (!dmarc.valid)
    return check(
      "dmarc",
      "red",
      "dmarc-malformed",
      `Your ${GLOSS.dmarc} is not written correctly, so other mail services ignore it and may treat your mail as unprotected.`,
    );
  if (dmarc.policy === "none")
    return check(
      "dmarc",
      "green",
      "dmarc-monitor",
      `Your ${GLOSS.dmarc} is set to monitor only, which meets what Gmail, Yahoo and Outlook require but does not yet stop others from faking your address.`,
    );
  return check(
    "dmarc",
    "green",
    "dmarc-enforced",
    `Your ${GLOSS.dmarc} tells other mail services to refuse or junk mail that fakes your address.`,
  );
}

function evaluateService(state: EmailServiceState, provider: string): HealthCheck {
  if (state === "unknown")
    return check(
      "service",
      "unknown",
      "not-checked",
      `We could not check whether email is switched on for your domain at ${provider}; we will try again.`,
    );
  return state
    ? check(
        "service",
        "green",
        "service-on",
        `Email is switched on for your domain at ${provider}, so your mailboxes can send and receive mail.`,
      )
    : check(
        "service",
        "red",
        "service-off",
        `Email is switched off for your domain at ${provider}, so your mailboxes cannot receive mail until it is switched on.`,
      );
}

export function evaluateMailHealth({
  lookups,
  emailService,
  provider = "your email provider",
}: MailHealthInput): MailHealth {
  const domain = normaliseHost(lookups.domain);
  const expected = providerRecords(domain);
  const checks: Record<CheckId, HealthCheck> = {
    mx: evaluateMx(lookups.mx, expected.mx, provider),
    spf: evaluateSpf(lookups.apexTxt, provider),
    dkim: evaluateDkim(lookups.dkim, domain),
    dmarc: evaluateDmarc(lookups.dmarcTxt),
    service: evaluateService(emailService, provider),
  };
  return {
    domain,
    status: worstStatus(CHECK_IDS.map((id) => checks[id].status)),
    checks,
    lookups,
  };
}
