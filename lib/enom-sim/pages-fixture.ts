/**
 * The example queries printed on eNom's command pages (hazzakins/go-enomapi, docs/), in an order
 * in which each one's preconditions hold on the seeded world (see seed.ts, documentDomains).
 * Queries are the pages' URLs with their line breaks removed and the `responsetype` dropped (each
 * page prints the same query three times, once per format). Two pages hide an address behind
 * Cloudflare's "[email protected]"; their values are decoded from the page's own link
 * (SetPOPForwarding: `info@resellerdocs.com`) or, where the page has no link (SetCatchAll), taken
 * from the GetCatchAll sample (`info@resellerdocs.com`).
 */
export interface PageExample {
  command: string;
  page: string;
  query: string;
  /** The errors eNom's documented constraints give for this query on the seeded world, if any. */
  expectErrors?: (legacy: boolean) => string[] | undefined;
}

const LOGIN = "uid=resellid&pw=resellpw";

export const PAGE_EXAMPLES: PageExample[] = [
  { command: "GETBALANCE", page: "docs/GetBalance.md", query: `command=GetBalance&${LOGIN}` },
  { command: "GETDOMAINS", page: "docs/get-domains.md", query: `command=GetDomains&${LOGIN}` },
  {
    command: "ADVANCEDDOMAINSEARCH",
    page: "docs/domains/domain-management/general/advanced-domain-search.md",
    query: `command=AdvancedDomainSearch&${LOGIN}&SearchCriteria=Start&SLD=r&ExcludeNumbers=1&ExcludeDashes=1&OrderBy=ExpDate`,
  },
  {
    command: "GETPOP3",
    page: "docs/get-pop-3.md",
    query: `command=getpop3&${LOGIN}&sld=resellerdocs&tld=com`,
  },
  {
    command: "GETPOPEXPIRATIONS",
    page: "docs/get-pop-expirations.md",
    query: `command=GetPOPExpirations&${LOGIN}`,
  },
  {
    command: "GETCATCHALL",
    page: "docs/get-catch-all.md",
    query: `command=GetCatchAll&${LOGIN}&sld=resellerdocs&tld=com`,
  },
  {
    command: "SETCATCHALL",
    page: "docs/set-catch-all.md",
    query: `command=SetCatchAll&${LOGIN}&sld=resellerdocs&tld=com&ForwardTo=info%40resellerdocs.com`,
  },
  {
    command: "GETPOPFORWARDING",
    page: "docs/get-pop-forwarding.md",
    query: `command=GETPOPFORWARDING&${LOGIN}&sld=resellerdocs&tld=com&username=Jane.Doe`,
  },
  {
    command: "SETPOPFORWARDING",
    page: "docs/set-pop-forwarding.md",
    query: `command=SETPOPFORWARDING&${LOGIN}&sld=resellerdocs&tld=com&username=sales&Email=resellerdocs.com&ForwardTo=info%40resellerdocs.com&Enable=1&StatusFlags=1`,
  },
  {
    command: "SETUPPOP3USER",
    page: "docs/SetUpPOP3User.md (seeds/001)",
    query: `command=SetupPop3user&${LOGIN}&sld=resellerdocs&tld=com&BundleID=5134&UserName1=james&Password1=resellpw&DisplayName1=James+Doe`,
    // `resellpw` predates eNom's current rule (10-20 characters, upper case, number, symbol).
    expectErrors: (legacy) =>
      legacy ? undefined : ["Password is not valid: A password has 10 to 20 characters."],
  },
  {
    command: "MODIFYPOP3",
    page: "docs/modify-pop-3.md",
    query: `command=modifypop3&${LOGIN}&sld=resellerdocs&tld=com&emailcount=2&username1=john&password1=johnpw&username2=jane&password2=janepw`,
    expectErrors: (legacy) =>
      legacy
        ? undefined
        : [
            "Password is not valid: A password has 10 to 20 characters.",
            "Password is not valid: A password has 10 to 20 characters.",
          ],
  },
  {
    command: "DELETEPOP3",
    page: "docs/delete-pop-3.md",
    query: `command=DeletePOP3&${LOGIN}&sld=resellerdocs&tld=com&UserName1=james`,
    expectErrors: (legacy) => (legacy ? undefined : ["Email account james not found"]),
  },
  {
    command: "SETPAKRENEW",
    page: "docs/set-pak-renew.md",
    query: `command=SETPAKRENEW&${LOGIN}&DomainNameID=152533676&bundleid=5105&AutoPakRenew=1`,
  },
  {
    command: "RENEWPOPBUNDLE",
    page: "docs/renew-pop-bundle.md",
    query: `command=renewpopbundle&${LOGIN}&sld=resellerdocs&tld=com&pakid=5105&quantity=1`,
  },
  {
    command: "PURCHASEPOPBUNDLE",
    page: "docs/purchase-pop-bundle.md",
    query: `command=PurchasePOPBundle&${LOGIN}&sld=resellerdocs&tld=com&Quantity=1`,
  },
  {
    command: "DELETEPOPPAK",
    page: "docs/delete-pop-pak.md",
    query: `command=DeletePOPPak&${LOGIN}&sld=resellerdocs&tld=com&BundleID=5733`,
  },
  {
    command: "DELETEALLPOPPAKS",
    page: "docs/delete-all-pop-paks.md",
    query: `command=DeleteAllPOPPaks&${LOGIN}&sld=resellerdocs&tld=com`,
    // "All POP paks in the domain must have no user emails configured": john, jane and Jane.Doe are.
    expectErrors: () => [
      "The domain's POP paks still have 3 email accounts; delete them with DeletePOP3 before deleting the paks",
    ],
  },
  {
    command: "GETHOSTS",
    page: "docs/domains/domain-management/host-records/gethosts.md",
    query: `command=GetHosts&${LOGIN}&SLD=resellerdocs&TLD=com`,
  },
  {
    command: "GETMAILHOSTS",
    page: "docs/GetMailHosts.md",
    query: `command=getmailhosts&${LOGIN}&sld=resellerdocs&tld=com`,
  },
  { command: "GETDNS", page: "docs/GetDNS.md", query: `command=GetDNS&${LOGIN}&sld=resellerdocs&tld=com` },
  {
    command: "GETFORWARDING",
    page: "docs/get-forwarding.md",
    query: `command=getforwarding&${LOGIN}&sld=resellerdocs&tld=com`,
  },
  {
    // The page hides ForwardTo1 behind "[email protected]"; its own link decodes to jane.doe@example.com.
    command: "FORWARDING",
    page: "docs/forwarding.md",
    query: `command=Forwarding&${LOGIN}&sld=resellerdocs&tld=com&Address1=jane.doe&ForwardTo1=jane.doe%40example.com`,
  },
  {
    // The page writes uid, pw, SLD and TLD as placeholders: the login and resellerdocs.com, GetHosts' sample domain.
    command: "SETHOSTS",
    page: "docs/domains/domain-management/host-records/set-hosts.md",
    query: `command=SetHosts&${LOGIN}&SLD=resellerdocs&TLD=com&HostName1=@&RecordType1=A&Address1=66.150.5.189&HostName2=photos&RecordType2=CNAME&Address2=photos.msn.com.&HostName3=yahoo&RecordType3=URL&Address3=204.71.200.72&HostName4=msn&RecordType4=FRAME&Address4=http://www.msn.com`,
  },
];

export function examplesFor(command: string): PageExample {
  const example = PAGE_EXAMPLES.find((candidate) => candidate.command === command);
  if (!example) throw new Error(`no page example for ${command}`);
  return example;
}
