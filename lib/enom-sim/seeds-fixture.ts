/**
 * The example queries of eNom's documents (../shared/seeds) in the order they appear, with the
 * example replies copied verbatim from the documents (page breaks, the doubled `>` of `<Done>>true`
 * and words hyphenated across lines included). `cleanDocumentSample` undoes only the typesetting;
 * seeds-verbatim.test.ts runs each query against a freshly reset simulator and compares.
 *
 * Queries: the documents' URLs with their line breaks removed, the path dropped.
 */
export interface SeedStep {
  source: string;
  title: string;
  query: string;
  format: "xml" | "html" | "text";
  /** The document's reply, verbatim. */
  sample?: string;
  /** Fields of the sample the simulator deliberately answers differently, with the reason in the test. */
  deviations?: string[];
  /** The errors the simulator answers with (the document's sample, or what eNom would say). */
  expectErrors?: string[];
  /** Not in the documents as printed: the query with a typo of theirs corrected. */
  corrected?: true;
}

/** seeds/001 shows one query three times; the HTML and Text runs follow the XML one, which created james. */
const SETUP_JAMES =
  "command=SetupPop3user&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&BundleID=5134&UserName1=james&Password1=resellpw&DisplayName1=James+Doe";

export const SEED_STEPS: SeedStep[] = [
  {
    source: "seeds/001",
    title: "SetUpPOP3User creates james (XML)",
    query: `${SETUP_JAMES}&responsetype=xml`,
    format: "xml",
    sample: `<interface-response>
 <Success>True</Success>
 <AccountsCreated>1</AccountsCreated>
 <AccountsFailed>0</AccountsFailed>
 <Command>SETUPPOP3USER</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>sjl21wresellt01</Server>
 <Site>eNom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <TimeDifference>+8.00</TimeDifference>
 <ExecTime>8.547</ExecTime>
 <Done>true</Done>
 <debug/>
 <TrackingKey>37bb5652-5250-4483-a877-368f2eb7674f</TrackingKey>
 <RequestDateTime>12/12/2011 12:57:20 AM</RequestDateTime>
</interface-response>`,
  },
  {
    source: "seeds/001",
    title: "SetUpPOP3User again (HTML): james is taken",
    query: `${SETUP_JAMES}&ResponseType=html`,
    format: "html",
    sample: `;URL Interface<br>
;Machine is SJL0VWRESELL_T<br>
;Encoding Type is utf-8<br>
<HTML><BODY>
<STRONG>Success: </ STRONG>True<br>
<STRONG>AccountsCreated: </ STRONG>1<br>
<STRONG>AccountsFailed: </ STRONG>0<br>
<STRONG>Command: </ STRONG>SETUPPOP3USER<br>
<STRONG>APIType: </ STRONG>API.NET<br>
<STRONG>Language: </ STRONG>eng<br>
<STRONG>ErrCount: </ STRONG>1<br>
<STRONG>Err1: </ STRONG>Invalid Item specified<br>
<STRONG>ResponseCount: </ STRONG>0<br>
<STRONG>MinPeriod: </ STRONG>1<br>
<STRONG>MaxPeriod: </ STRONG>10<br>
<STRONG>Server: </ STRONG>sjl0vwresell_t1<br>
<STRONG>Site: </ STRONG>eNom<br>
<STRONG>IsLockable:</ STRONG><br>
<STRONG>IsRealTimeTLD:</ STRONG><br>
<STRONG>TimeDifference: </ STRONG>+0.00<br>
<STRONG>ExecTime: </ STRONG>0.172<br>
<STRONG>Done: </ STRONG>true<br>
<STRONG>TrackingKey: </ STRONG>6d72b4a4-8558-4c99-b222-3b00c0f3926d<br>
<STRONG>RequestDateTime: </ STRONG>2/5/2015 3:40:01 PM<br>
</BODY></HTML>`,
    // eNom's sample counts the repeat as created (AccountsCreated=1, AccountsFailed=0) beside its
    // own error; the simulator counts what it did: 0 created, 1 failed.
    deviations: ["AccountsCreated", "AccountsFailed"],
    expectErrors: ["Invalid Item specified"],
  },
  {
    source: "seeds/001",
    title: "SetUpPOP3User again (Text): james is taken",
    query: `${SETUP_JAMES}&ResponseType=text`,
    format: "text",
    sample: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
Success=True
AccountsCreated=1
AccountsFailed=0
Command=SETUPPOP3USER
APIType=API.NET
Language=eng
ErrCount=1
Err1=Invalid Item specified
ResponseCount=0
MinPeriod=1
MaxPeriod=10
Server=sjl0vwresell_t1
Site=eNom
IsLockable=
IsRealTimeTLD=
TimeDifference=+0.00
ExecTime=0.094
Done=true
TrackingKey=5715a3fd-e803-4105-a57e-75ebbb9231d1
RequestDateTime=2/5/2015 3:41:19 PM`,
    deviations: ["AccountsCreated", "AccountsFailed"],
    expectErrors: ["Invalid Item specified"],
  },
  {
    source: "seeds/002 Step 1",
    title: "PurchaseServices quick start: 15 boxes of 1 GB for a year",
    query:
      "command=purchaseservices&uid=resellid&pw=resellpw&responsetype=xml&service=pop3&sld=enom-email-example-123" +
      "&tld=com&quantity=15&capacity=1&billingperiod=year&quantityunit=boxes",
    format: "xml",
    sample: `<interface-response>  
  <Version>3</Version>  
  <orderid>161786106</orderid>  
  <OrderAmount>15</OrderAmount>  
  <Success>True</Success>  
  <Bundles>  
    <ActionType>Create</ActionType>  
    <BundleID>1004279</BundleID>  
    <VasItemID>1004279</VasItemID>  
    <DomainName>enom-email-example-123.com</DomainName>  
    <Capacity>1</Capacity>  
    <Period>1</Period>  
    <BillingPeriod>year</BillingPeriod>  
    <ExpDate>11/25/2015</ExpDate>  
    <Quantity>15</Quantity>  
    <TotalQuantity>15</TotalQuantity>  
  </Bundles>  
  <BundleCount>1</BundleCount>  
  <Command>PURCHASESERVICES</Command>  
  <APIType>API</APIType>  
  <Language>eng</Language>  
  <ErrCount>0</ErrCount>  
  <ResponseCount>0</ResponseCount>  
  <MinPeriod>1</MinPeriod>  
  <MaxPeriod>10</MaxPeriod>  
  <Server>RESELLERTEST</Server>  
  <Site>eNom</Site>  
  <IsLockable>True</IsLockable>  
  <IsRealTimeTLD>True</IsRealTimeTLD>  
  <TimeDifference>+08.00</TimeDifference>  
  <ExecTime>0.340</ExecTime>  
  <Done>>true</Done>  
  <RequestDateTime>11/25/2014 12:47:29 PM</RequestDateTime>  
</interface-response>`,
  },
  {
    source: "seeds/002 Step 1",
    title: "GetPOP3 shows the new pak",
    query: "uid=resellid&pw=resellpw&command=GetPop3&sld=enom-email-example-123&tld=com&responsetype=xml",
    format: "xml",
    sample: `<interface-response>
  <EmailCount>0</EmailCount>
  <Paks>
    <Pak>
      <BundleId>1004279</BundleId>
      <QtyPurchased>15</QtyPurchased>
      <QtyAvailable>15</QtyAvailable>
      <ExpDate>
        <![CDATA[ 11/25/2015 ]]>
      </ExpDate>
      <AutoRenew>1</AutoRenew>
      <Quota>1024</Quota>
      <ProdType>2011</ProdType>
      <Version>3</Version>
    </Pak>
  </Paks>
  <Count>1</Count>
  <AdditionalHostAcctLogin/>
  <Successful>True</Successful>
  <Success>True</Success>
  <Command>GETPOP3</Command>
  <APIType>API.NET</APIType>
\`\`\`

Step 1: Purchase and Verify Email Accounts

\`\`\`
<Language>eng</Language>
<ErrCount>0</ErrCount>
<ResponseCount>0</ResponseCount>
<MinPeriod>1</MinPeriod>
<MaxPeriod>10</MaxPeriod>
<Server>RESELLERTEST</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>0.078</ExecTime>
<Done>true</Done>
<TrackingKey>fea0ee5e-c27e-4975-ba07-alac12e0d-
fa6</TrackingKey>
<RequestDateTime>11/25/2014 12:51:57 PM</RequestDateTime>
</interface-response>`,
  },
  {
    source: "seeds/002 Step 2",
    title: "SetPakRenew turns auto-renew on",
    query:
      "uid=resellid&pw=resellpw&command=SETPAKRENEW&AutoPakRenew=1&BundleID=1004279&sld=enom-email-example-123" +
      "&tld=com&responsetype=xml",
    format: "xml",
    sample: `<interface-response>
  <PakUpdated>1004279</PakUpdated>
  <AutoPakRenew>1</AutoPakRenew>
  <success>True</success>
  <Command>SETPAKRENEW</Command>
  <APIType>API.NET</APIType>
\`\`\`

Step 2: Set Auto-Renew for Enom Email

\`\`\`
<Language>eng</Language>
<ErrCount>0</ErrCount>
<ResponseCount>0</ResponseCount>
<MinPeriod>1</MinPeriod>
<MaxPeriod>10</MaxPeriod>
<Server>RESELLERTEST</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>0.078</ExecTime>
<Done>>true</Done>
<TrackingKey>144b1e36-20bc-4032-9d6e-b3cee407e647</Track-
ingKey>
<RequestDateTime>11/25/2014 2:38:18 PM</RequestDateTime>
</interface-response>`,
  },
  {
    source: "seeds/002 Step 3",
    title: "SetUpPOP3User with sld1/tld1 creates UserOne",
    query:
      "uid=resellid&pw=resellpw&command=SETUPPOP3USER&BundleID=1004279&UserName1=UserOne" +
      "&Password1=Abcdefg1&sld1=enom-email-example-123&tld1=com&ForwardTo1=&responsetype=xml",
    format: "xml",
    sample: `<interface-response>
  <Success>True</Success>
  <AccountsCreated>1</AccountsCreated>
  <AccountsFailed>0</AccountsFailed>
  <Command>SETUPPOP3USER</Command>
  <APIType>API.NET</APIType>
  <Language>eng</Language>
  <ErrCount>0</ErrCount>
\`\`\`

Step 3: Create and Verify an Email User

\`\`\`
<ResponseCount>0</ResponseCount>
<MinPeriod>1</MinPeriod>
<MaxPeriod>10</MaxPeriod>
<Server>RESELLERTEST</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>4.922</ExecTime>
<Done>>true</Done>
<TrackingKey>0a38040b-4782-4854-9c03-afe2b6f-
d4b8f</TrackingKey>
<RequestDateTime>11/25/2014 12:54:11 PM</RequestDateTime>
</interface-response>`,
  },
  {
    source: "seeds/002 Step 4",
    title: "ModifyPOP3 makes UserOne an administrator",
    query:
      "uid=resellid&pw=resellpw&command=ModifyPop3&UserName1=UserOne&IsAdmin1=1&BundleID=1004279" +
      "&sld=enom-email-example-123&tld=com&responsetype=xml&EmailCount=1",
    format: "xml",
    sample: `<interface-response>
  <Success>True</Success>
  <AccountsModified>1</AccountsModified>
  <AccountsFailed>0</AccountsFailed>
  <Version>3</Version>
  <Command>MODIFYPOP3</Command>
  <APIType>API.NET</APIType>
  <Language>eng</Language>
  <ErrCount>0</ErrCount>
  <ResponseCount>0</ResponseCount>
  <MinPeriod>1</MinPeriod>
  <MaxPeriod>10</MaxPeriod>
  <Server>RESELLERTEST</Server>
  <Site>eNom</Site>
  <IsLockable/>
  <IsRealTimeTLD/>
  <TimeDifference>+0.00</TimeDifference>
  <ExecTime>1.984</ExecTime>
  <Done>true</Done>
  <TrackingKey>9c5e4492-d281-47bb-a163-a7814c159124</Track-
ingKey>
  <RequestDateTime>11/25/2014 2:25:51 PM</RequestDateTime>
</interface-response>`,
  },
  {
    source: "seeds/002 Step 5",
    title: "DeletePOP3 as printed (`command>DeletePop3`): no command reaches eNom",
    query:
      "uid=resellid&pw=resellpw&command>DeletePop3&UserName1=UserOne&sld=enom-email-example-123&tld=com&responsetype=xml",
    format: "xml",
    expectErrors: ["No command was specified"],
  },
  {
    source: "seeds/002 Step 5",
    title: "DeletePOP3 with the typo corrected deletes UserOne",
    corrected: true,
    query:
      "uid=resellid&pw=resellpw&command=DeletePop3&UserName1=UserOne&sld=enom-email-example-123&tld=com&responsetype=xml",
    format: "xml",
    sample: `<interface-response>
  <AccountsDeleted>1</AccountsDeleted>
  <success>True</success>
  <Command>DELETEPOP3</Command>
  <APIType>API.NET</APIType>
  <Language>eng</Language>
  <ErrCount>0</ErrCount>
  <ResponseCount>0</ResponseCount>
  <MinPeriod>1</MinPeriod>
\`\`\`

Step 5: Delete a user

\`\`\`
<MaxPeriod>10</MaxPeriod>
<Server>RESELLERTEST</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>2.578</ExecTime>
<Done>>true</Done>
<TrackingKey>998faee9-05c6-42df-9b48-9c82e388b43b</Track-
ingKey>
<RequestDateTime>11/25/2014 2:38:50 PM</RequestDateTime>
</interface-response>`,
  },
];

/**
 * Undoes the documents' typesetting, nothing else: page-break headings and code fences inside a
 * sample, words hyphenated across lines (`</Track-` + `ingKey>`), and the doubled `>` of
 * `<Done>>true</Done>`.
 */
export function cleanDocumentSample(sample: string): string {
  return sample
    .split("\n")
    .filter((line) => !/^\s*```/.test(line) && !/^Step \d: /.test(line))
    .join("\n")
    .replace(/-\s*\n\s*/g, (hyphen, offset: number, whole: string) =>
      isInsideTag(whole, offset) ? "" : hyphen,
    )
    .replace(/<Done>>/g, "<Done>");
}

/** A line break inside `<…>` or inside a GUID-like value is typesetting, not content. */
function isInsideTag(whole: string, offset: number): boolean {
  const lastOpen = whole.lastIndexOf("<", offset);
  const lastClose = whole.lastIndexOf(">", offset);
  if (lastOpen > lastClose) return true;
  return /[0-9a-f]$/i.test(whole.slice(0, offset)) && /<TrackingKey>[^<]*$/.test(whole.slice(0, offset));
}
