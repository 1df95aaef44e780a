import "server-only";

/**
 * eNom's reply shapes for the commands Mailpak uses, in XML (the only format Mailpak asks for),
 * written once as data from eNom's own documents. Each command cites where its shape comes from:
 * `docs/…` are eNom's command pages (public copy: repository hazzakins/go-enomapi, folder docs/),
 * `seeds/…` the eNom documents in ../shared/seeds, `enom-samples/…` the pages' sample replies kept
 * verbatim in ../shared/enom-samples, `pages/…` more of them kept verbatim in
 * lib/enom/__fixtures__/pages. Element names keep eNom's casing, which differs per command
 * (`BundleId` in GetPOP3, `bundleid` in GetPOPExpirations). Nothing here is a guess: where no
 * document prints a reply, the shape says so in `caveat`.
 */

/** What a value must look like; checked only when the element has text. */
export type ValueKind =
  | "text"
  | "count" // a whole number ≥ 0
  | "id" // a whole number ≥ 1
  | "number" // a decimal number ≥ 0 (quotaused)
  | "flag" // 0 | 1
  | "true-false" // True | False, any casing
  | "yes-no" // Yes | No, any casing
  | "date" // M/D/YYYY, optionally with h:mm:ss AM|PM
  | "money" // -1,832.23
  | "secret"; // a mailbox password: must reach the check already removed

export type ElementShape = {
  /** eNom's element name, in the casing its documents print. */
  name: string;
  /** Absent from some documented replies (default: required). */
  optional?: boolean;
  /** May appear several times (a list item). */
  repeated?: boolean;
  value?: ValueKind;
  /** Documented attributes (GetDomains `domain-list type="Registered"`). */
  attributes?: string[];
  children?: ElementShape[];
};

/**
 * A count eNom sends beside a list. `list` and `count` are paths from `<interface-response>`
 * (`Paks/Pak`, `Count`). `nonEmpty`: only items whose child of that name has text are counted
 * (GetPOPForwarding's page prints an empty record with Count 0). `span`: the count is
 * `end - start + 1` of two elements (GetDomains' EndPosition and StartPosition).
 */
export type CountRule =
  | { list: string; count: string; nonEmpty?: string; why: string }
  | { list: string; span: { start: string; end: string }; why: string };

export type CommandShape = {
  /** The command as Mailpak sends it. */
  command: string;
  /** Where the shape comes from. */
  source: string;
  /** Said next to the result when the documents do not print this very reply. */
  caveat?: string;
  /** The command's own elements, directly under `<interface-response>`, before the boiler. */
  elements: ElementShape[];
  counts: CountRule[];
};

// ── The boiler every reply ends with ───────────────────────────────────────────────────────

/**
 * Every XML sample on eNom's pages ends with these, in varying selections (TrackingKey and
 * RequestDateTime come and go, APIType appears in seeds/002); `errors` and `responses` come with
 * errors (enom-samples/error-with-responses.xml; error-ip.xml has a response without a number).
 */
export const BOILER: ElementShape[] = [
  { name: "Command", value: "text" },
  { name: "APIType", optional: true },
  { name: "Language", optional: true },
  { name: "ErrCount", value: "count" },
  {
    name: "errors",
    optional: true,
    children: [], // Err1..ErrN: checked by checkErrors
  },
  { name: "ResponseCount", optional: true, value: "count" },
  {
    name: "responses",
    optional: true,
    children: [
      {
        name: "response",
        repeated: true,
        children: [
          { name: "ResponseNumber", optional: true, value: "count" },
          { name: "ResponseString", optional: true },
          { name: "Description", optional: true },
        ],
      },
    ],
  },
  { name: "MinPeriod", optional: true },
  { name: "MaxPeriod", optional: true },
  { name: "Server", optional: true },
  { name: "Site", optional: true },
  { name: "IsLockable", optional: true },
  { name: "IsRealTimeTLD", optional: true },
  { name: "TimeDifference", optional: true },
  { name: "ExecTime", optional: true },
  { name: "Done", value: "true-false" },
  { name: "debug", optional: true },
  { name: "TrackingKey", optional: true },
  { name: "RequestDateTime", optional: true, value: "date" },
];

export const ERROR_SOURCE =
  "enom-samples/error-with-responses.xml, enom-samples/error-ip.xml; seeds/001 (Err1 beside ErrCount=1)";

// ── The commands ───────────────────────────────────────────────────────────────────────────

const bundleOfPurchase: ElementShape[] = [
  { name: "ActionType", optional: true },
  { name: "BundleID", value: "id" },
  { name: "VasItemID", optional: true, value: "id" },
  { name: "DomainName", optional: true },
  { name: "Capacity", optional: true, value: "count" },
  { name: "Period", optional: true, value: "count" },
  { name: "BillingPeriod", optional: true },
  { name: "ExpDate", optional: true, value: "date" },
  { name: "Quantity", optional: true, value: "count" },
  { name: "TotalQuantity", optional: true, value: "count" },
];

export const DOCUMENTED = {
  GetPOP3: {
    command: "GetPOP3",
    source:
      "docs/get-pop-3.md (XML and Text samples), enom-samples/getpop3-online.xml, seeds/002 Step 1 (a pak without mailboxes)",
    elements: [
      {
        name: "pop",
        optional: true,
        repeated: true,
        children: [
          { name: "username" },
          { name: "password", value: "secret" },
          { name: "quota", value: "count" },
          { name: "expdate", value: "date" },
          { name: "BundleId", value: "id" },
          { name: "AutoRenew", value: "flag" },
          { name: "admin", value: "flag" },
          { name: "quotaused", value: "number" },
          // The page's Text sample adds these per mailbox (vasitemid1, version1).
          { name: "vasitemid", optional: true, value: "id" },
          { name: "version", optional: true },
        ],
      },
      { name: "EmailCount", value: "count" },
      {
        name: "Paks",
        optional: true,
        children: [
          {
            name: "Pak",
            optional: true,
            repeated: true,
            children: [
              { name: "BundleId", value: "id" },
              { name: "QtyPurchased", value: "count" },
              { name: "QtyAvailable", value: "count" },
              { name: "ExpDate", value: "date" },
              { name: "AutoRenew", value: "flag" },
              { name: "Quota", value: "count" },
              { name: "ProdType", value: "count" },
              { name: "Version", optional: true },
            ],
          },
        ],
      },
      { name: "Count", value: "count" },
      { name: "AdditionalHostPop", optional: true },
      { name: "AdditionalHostAcctLogin", optional: true },
      { name: "Successful", optional: true, value: "true-false" },
      { name: "Success", optional: true, value: "true-false" },
    ],
    counts: [
      { list: "pop", count: "EmailCount", why: "EmailCount is the number of <pop> mailboxes" },
      { list: "Paks/Pak", count: "Count", why: "Count is the number of paks" },
    ],
  },

  GetPOPExpirations: {
    command: "GetPOPExpirations",
    source: "docs/get-pop-expirations.md (XML and Text samples), enom-samples/getpopexpirations-online.xml",
    elements: [
      {
        name: "popexpirations",
        children: [
          {
            name: "pop",
            optional: true,
            repeated: true,
            children: [
              { name: "domain" },
              { name: "bundleid", value: "id" },
              { name: "expdate", value: "date" },
              // The page's Text sample adds renew1 and version1.
              { name: "renew", optional: true, value: "true-false" },
              { name: "version", optional: true },
            ],
          },
          { name: "count", value: "count" },
        ],
      },
      { name: "success", optional: true, value: "true-false" },
    ],
    counts: [
      {
        list: "popexpirations/pop",
        count: "popexpirations/count",
        why: "count is the number of <pop> paks",
      },
    ],
  },

  GetDomains: {
    command: "GetDomains",
    source: "docs/get-domains.md (XML and Text samples), enom-samples/getdomains-online.xml",
    elements: [
      {
        name: "GetDomains",
        children: [
          { name: "tab", optional: true },
          { name: "multirrp", optional: true, value: "true-false" },
          {
            name: "domain-list",
            attributes: ["type"],
            children: [
              {
                name: "domain",
                optional: true,
                repeated: true,
                children: [
                  { name: "DomainNameID", value: "id" },
                  { name: "sld" },
                  { name: "tld" },
                  { name: "ns-status" },
                  { name: "expiration-date", value: "date" },
                  { name: "auto-renew", value: "yes-no" },
                  { name: "wppsstatus", optional: true },
                  { name: "wppsexpdate", optional: true, value: "date" },
                  { name: "RRProcessor", optional: true },
                ],
              },
            ],
          },
          { name: "count", optional: true, value: "count" },
          { name: "EndPosition", value: "count" },
          { name: "PreviousRecords", value: "count" },
          { name: "NextRecords", value: "count" },
          { name: "OrderBy", optional: true },
          { name: "Result", optional: true, value: "true-false" },
          { name: "StartPosition", value: "count" },
          { name: "DomainCount", value: "count" },
          { name: "TotalDomainCount", value: "count" },
          { name: "StartLetter", optional: true },
        ],
      },
    ],
    counts: [
      {
        list: "GetDomains/domain-list/domain",
        span: { start: "GetDomains/StartPosition", end: "GetDomains/EndPosition" },
        why: "a page holds the names StartPosition to EndPosition",
      },
    ],
  },

  GetBalance: {
    command: "GetBalance",
    source: "docs/GetBalance.md, enom-samples/getbalance-online.xml",
    elements: [
      { name: "Reseller", value: "flag" },
      { name: "Balance", value: "money" },
      { name: "AvailableBalance", value: "money" },
      { name: "Price", optional: true, value: "money" },
      { name: "COMPrice", optional: true, value: "money" },
      { name: "NETPrice", optional: true, value: "money" },
      { name: "ORGPrice", optional: true, value: "money" },
      { name: "CCPrice", optional: true, value: "money" },
      { name: "TVPrice", optional: true, value: "money" },
      { name: "BZPrice", optional: true, value: "money" },
      { name: "NUPrice", optional: true, value: "money" },
      { name: "DomainCount", value: "count" },
    ],
    counts: [],
  },

  GetCatchAll: {
    command: "GetCatchAll",
    source: "docs/get-catch-all.md (XML sample), enom-samples/getcatchall-online.xml",
    elements: [{ name: "CatchAll" }],
    counts: [],
  },

  SetCatchAll: {
    command: "SetCatchAll",
    source: "docs/set-catch-all.md (XML sample)",
    elements: [{ name: "CatchAll" }],
    counts: [],
  },

  GetPOPForwarding: {
    command: "GetPOPForwarding",
    source:
      "docs/get-pop-forwarding.md (an empty record, Count 0), enom-samples/getpopforwarding-online.xml (Count 1)",
    elements: [
      {
        name: "popforwarding",
        optional: true,
        repeated: true,
        children: [
          { name: "domainname" },
          { name: "domainnameid", value: "id" },
          { name: "username" },
          { name: "forwardto" },
          { name: "active", value: "flag" },
        ],
      },
      { name: "Count", value: "count" },
      { name: "Success", optional: true, value: "true-false" },
    ],
    counts: [
      {
        list: "popforwarding",
        count: "Count",
        nonEmpty: "forwardto",
        why: "Count is the number of <popforwarding> records with a forwardto",
      },
    ],
  },

  SetPOPForwarding: {
    command: "SetPOPForwarding",
    source: "docs/set-pop-forwarding.md (XML and Text samples)",
    elements: [
      { name: "DomainRRP", optional: true },
      { name: "success", value: "flag" },
    ],
    counts: [],
  },

  SetUpPOP3User: {
    command: "SetUpPOP3User",
    source: "docs/SetUpPOP3User.md, seeds/001, seeds/002 Step 3",
    elements: [
      { name: "Success", value: "true-false" },
      { name: "AccountsCreated", value: "count" },
      { name: "AccountsFailed", value: "count" },
    ],
    counts: [],
  },

  ModifyPOP3: {
    command: "ModifyPOP3",
    source: "docs/modify-pop-3.md, seeds/002 Step 4",
    elements: [
      { name: "Success", value: "true-false" },
      { name: "AccountsModified", value: "count" },
      { name: "AccountsFailed", value: "count" },
      { name: "Version", optional: true },
    ],
    counts: [],
  },

  DeletePOP3: {
    command: "DeletePOP3",
    source: "docs/delete-pop-3.md, seeds/002 Step 5",
    elements: [
      { name: "AccountsDeleted", value: "count" },
      { name: "success", value: "true-false" },
    ],
    counts: [],
  },

  DeletePOPPak: {
    command: "DeletePOPPak",
    source: "docs/delete-pop-pak.md (its XML sample has the boiler only)",
    elements: [],
    counts: [],
  },

  DeleteAllPOPPaks: {
    command: "DeleteAllPOPPaks",
    source: "docs/delete-all-pop-paks.md, enom-samples/deleteallpoppaks-online.xml",
    elements: [{ name: "PaksRemoved", value: "count" }],
    counts: [],
  },

  SetPakRenew: {
    command: "SetPakRenew",
    source: "docs/set-pak-renew.md, seeds/002 Step 2, seeds/003 (DomainRRP)",
    elements: [
      { name: "DomainRRP", optional: true },
      { name: "PakUpdated", value: "id" },
      { name: "AutoPakRenew", value: "flag" },
      { name: "success", optional: true, value: "true-false" },
    ],
    counts: [],
  },

  RenewPOPBundle: {
    command: "RenewPOPBundle",
    source: "docs/renew-pop-bundle.md, enom-samples/renewpopbundle-online.xml",
    elements: [{ name: "orderid", value: "id" }],
    counts: [],
  },

  PurchasePOPBundle: {
    command: "PurchasePOPBundle",
    source: "docs/purchase-pop-bundle.md, enom-samples/purchasepopbundle-online.xml",
    elements: [
      { name: "orderid", value: "id" },
      { name: "Bundles", children: [{ name: "BundleID", repeated: true, value: "id" }] },
      { name: "BundleCount", value: "count" },
    ],
    counts: [
      { list: "Bundles/BundleID", count: "BundleCount", why: "one BundleID per 10-pak, BundleCount of them" },
    ],
  },

  PurchaseServices: {
    command: "PurchaseServices",
    source: "seeds/002 Step 1 (the quick-start form, service=pop3)",
    caveat:
      "no eNom document prints the reply to ProductType=Mailbox (seeds/000 lists its inputs only); it is compared with the quick start's",
    elements: [
      { name: "Version", optional: true },
      { name: "orderid", value: "id" },
      { name: "OrderAmount", optional: true, value: "money" },
      { name: "Success", optional: true, value: "true-false" },
      { name: "Bundles", repeated: true, children: bundleOfPurchase },
      { name: "BundleCount", value: "count" },
    ],
    counts: [{ list: "Bundles", count: "BundleCount", why: "BundleCount is the number of <Bundles>" }],
  },

  GetHosts: {
    command: "GetHosts",
    source:
      "docs/domains/domain-management/host-records/gethosts.md (XML sample; Text and HTML samples add HostCount), pages/get-hosts.page.xml",
    caveat:
      "the XML sample prints no count (HostCount is the Text sample's, checked when sent) and mxpref for its MXE record only; the output table's types (A, AAAA, URL, MX, MXE, CNAME, FRAME) omit TXT, which SetHosts takes; no sample shows a domain without records",
    elements: [
      {
        name: "host",
        optional: true,
        repeated: true,
        children: [
          { name: "name" },
          { name: "type" },
          { name: "mxpref", optional: true, value: "count" },
          { name: "address" },
          { name: "hostid", value: "id" },
        ],
      },
      // The Text and HTML samples only (HostCount=5 beside five records).
      { name: "HostCount", optional: true, value: "count" },
      {
        name: "DomainServices",
        children: [
          { name: "EmailForwarding", value: "true-false" },
          { name: "HostRecords", value: "true-false" },
        ],
      },
    ],
    counts: [{ list: "host", count: "HostCount", why: "HostCount is the number of <host> records" }],
  },

  GetMailHosts: {
    command: "GetMailHosts",
    source:
      "docs/GetMailHosts.md (XML and HTML samples; its Text sample is GetBalance's reply), pages/get-mail-hosts.page.xml",
    caveat:
      "the XML sample prints ServiceSelect empty (the HTML sample 1048) and five placeholder <host> rows against a MailHostCount of 15, so the rows are not counted; the HTML sample has no rows and no EmailForwarding; the page has no Text sample of its own",
    elements: [
      {
        name: "mailhosts",
        children: [
          { name: "EmailForwarding", optional: true, value: "true-false" },
          {
            name: "host",
            optional: true,
            repeated: true,
            children: [
              { name: "hostID" },
              { name: "HostName" },
              { name: "RecordType" },
              { name: "Address" },
              { name: "MXPref", value: "count" },
            ],
          },
          { name: "LastNumberFromRegHostCounter", value: "count" },
          { name: "MailHostCount", value: "count" },
        ],
      },
      { name: "ParkingEnabled", value: "true-false" },
      // 1048 no email, 1051 email forwarding, 1054 user configured, 1105 user simplified, 1114 POP mail.
      { name: "ServiceSelect", value: "id" },
    ],
    counts: [],
  },

  GetDNS: {
    command: "GetDNS",
    source: "docs/GetDNS.md (XML and Text samples), pages/get-dns.page.xml",
    caveat:
      'the page\'s output table is copied from a contacts command ("NSCount: First Name", "UseDNS: Job Title"): only the samples say what comes back; the table\'s NSStatus is in no sample, and the Text sample names NameserverRegistrySynced what the XML sample calls DNSRegistrySynced; HostsNumLimit is 15 in the samples where SetHosts takes up to 50 records',
    elements: [
      { name: "dns", repeated: true },
      // The Text and HTML samples only (NSCount=5 beside DNS1..DNS5).
      { name: "NSCount", optional: true, value: "count" },
      { name: "UseDNS" },
      { name: "NSStatus", optional: true },
      { name: "HostsNumLimit", value: "count" },
      { name: "DNSRegistrySynced", value: "true-false" },
      { name: "NameserverRegistrySynced", optional: true, value: "true-false" },
      { name: "RRPCodeGDNS", value: "count" },
      { name: "RRPText" },
    ],
    counts: [{ list: "dns", count: "NSCount", why: "NSCount is the number of <dns> name servers" }],
  },

  GetForwarding: {
    command: "GetForwarding",
    source: "docs/get-forwarding.md (XML and Text samples), pages/get-forwarding.page.xml",
    caveat:
      "the page's samples show one enabled alias only: no sample prints a disabled alias, a rejectreason, or a domain without aliases",
    elements: [
      {
        name: "eforward",
        optional: true,
        repeated: true,
        children: [
          { name: "alias" },
          { name: "forward-to" },
          // "0 Email forwarding enabled, 1 Email forwarding disabled".
          { name: "status", value: "flag" },
          { name: "rejectreason" },
          { name: "mailid", value: "id" },
        ],
      },
      { name: "EmailCount", value: "count" },
      { name: "MaxEmail", value: "count" },
      {
        name: "DomainServices",
        children: [
          { name: "EmailForwarding", value: "true-false" },
          { name: "HostRecords", value: "true-false" },
        ],
      },
    ],
    counts: [
      {
        list: "eforward",
        count: "EmailCount",
        // GetDefaultOnly=1 adds "extra blank input records" (never sent by Mailpak): not configured ones.
        nonEmpty: "alias",
        why: 'EmailCount is the number of <eforward> records with an alias ("records currently configured")',
      },
    ],
  },
} satisfies Record<string, CommandShape>;

export type DocumentedCommand = keyof typeof DOCUMENTED;
