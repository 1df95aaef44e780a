/**
 * eNom's sample replies, verbatim, for samples.test.ts to compare the simulator's replies with,
 * element by element and key by key.
 *
 * - XML_SAMPLES: ../shared/enom-samples/*.xml as they are (samples.test.ts checks they still
 *   equal those files when the folder is there), plus the AdvancedDomainSearch page's XML sample
 *   (docs/domains/domain-management/general/advanced-domain-search.md, its ". . ." lines removed).
 * - TEXT_SAMPLES: the Text samples printed on eNom's command pages (hazzakins/go-enomapi, docs/),
 *   as printed: most pages write `Key: Value`, some `Key=Value`, DeleteAllPOPPaks' `PaksRemoved:35`
 *   (under a `Command: SETIPRESOLVER` copied from another page), ". . ." where the page elides.
 */

export const XML_SAMPLES = {
  "deleteallpoppaks-online": `<interface-response>
 <PaksRemoved>35</PaksRemoved>
 <Command>DELETEALLPOPPAKS</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>SJL21WRESELLT01</Server>
 <Site>eNom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <TimeDifference>+08.00</TimeDifference>
 <ExecTime>2.908</ExecTime>
 <Done>true</Done>
 <RequestDateTime>12/7/2011 5:07:14 AM</RequestDateTime>
 <debug></debug>
</interface-response>
`,
  "error-ip": `<?xml version="1.0" encoding="utf-16"?><interface-response><Command>GETBALANCE</Command><Language>eng</Language><ErrCount>1</ErrCount><errors><Err1>User not permitted from this IP address - 4</Err1></errors><ResponseCount>1</ResponseCount><responses><response><ResponseString>Policy error; unauthorized; user(s)</ResponseString></response></responses><Done>true</Done><debug><![CDATA[]]></debug></interface-response>
`,
  "error-with-responses": `<?xml version="1.0" encoding="utf-16"?><interface-response><Command>GETPOP3</Command><Language>eng</Language><ErrCount>1</ErrCount><errors><Err1>Domain name not found</Err1></errors><ResponseCount>1</ResponseCount><responses><response><Description>Domain name not found</Description><ResponseNumber>316153</ResponseNumber><ResponseString>Validation error; not found; domain name(s)</ResponseString></response></responses><Done>true</Done><debug><![CDATA[]]></debug></interface-response>
`,
  "getbalance-online": `<interface-response>
<Reseller>1</Reseller>
<Balance>-1,832.23</Balance>
<AvailableBalance>6,193.37</AvailableBalance>
<Price>8.95</Price>
<DomainCount>2943</DomainCount>
<Command>GETBALANCE</Command>
<Language>eng</Language>
<ErrCount>0</ErrCount>
<ResponseCount>0</ResponseCount>
<MinPeriod>2</MinPeriod>
<MaxPeriod>10</MaxPeriod>
<Server>SJL21WRESELLT01</Server>
<Site>eNom</Site>
<IsLockable>True</IsLockable>
<IsRealTimeTLD>True</IsRealTimeTLD>
<TimeDifference>+03.00</TimeDifference>
<ExecTime>0.312</ExecTime>
<Done>true</Done>
<RequestDateTime>12/13/2011 2:59:04 AM</RequestDateTime>
<debug></debug>
</interface-response>
`,
  "getcatchall-online": `<?xml version="1.0" ?>
<interface-response>
 <CatchAll>info@resellerdocs.com</CatchAll>
 <Command>GETCATCHALL</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>RESELLERTEST</Server>
 <Site>enom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <TimeDifference>+03.00</TimeDifference>
 <ExecTime>0.125</ExecTime>
 <Done>true</Done>
 <debug>
 <![CDATA[ ]]>
 </debug>
</interface-response>
`,
  "getdomains-online": `<interface-response>
<GetDomains>
 <tab/>
 <multirrp>False</multirrp>
 <domain-list type="Registered">
 <domain>
  <DomainNameID>340691704</DomainNameID>
  <sld>00000000001111</sld>
  <tld>com</tld>
  <ns-status>YES</ns-status>
  <expiration-date>7/7/2012</expiration-date>
  <auto-renew>No</auto-renew>
  <wppsstatus>disabled</wppsstatus>
  <wppsexpdate>3/23/2010 12:21:15 PM</wppsexpdate>
  <RRProcessor>E</RRProcessor>
 </domain>
 <domain>
  <DomainNameID>152708845</DomainNameID>
  <sld>00000startajay</sld>
  <tld>info</tld>
  <ns-status>NA</ns-status>
  <expiration-date>2/4/2011</expiration-date>
  <auto-renew>No</auto-renew>
  <wppsstatus>disabled</wppsstatus>
  <wppsexpdate>3/23/2010 12:21:15 PM</wppsexpdate>
  <RRProcessor>E</RRProcessor>
 </domain>
 </domain-list>
 <EndPosition>25</EndPosition>
 <PreviousRecords>0</PreviousRecords>
 <NextRecords>26</NextRecords>
 <OrderBy/>
 <Result>True</Result>
 <StartPosition>1</StartPosition>
 <DomainCount>3084</DomainCount>
 <TotalDomainCount>3084</TotalDomainCount>
 <StartLetter/>
</GetDomains>
<Command>GETDOMAINS</Command>
<Language>eng</Language>
<ErrCount>0</ErrCount>
<ResponseCount>0</ResponseCount>
<MinPeriod/>
<MaxPeriod>10</MaxPeriod>
<Server>SJL21WRESELLT01</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>1.828</ExecTime>
<Done>true</Done>
<RequestDateTime>12/8/2011 4:27:04 AM</RequestDateTime>
<debug></debug>
</interface-response>
`,
  "getpop3-online": `<interface-response>
 <pop>
 <username>dell</username>
 <password>78910</password>
 <quota>1024</quota>
 <expdate>5/3/2010 2:14:59 AM</expdate>
 <BundleId>26770</BundleId>
 <AutoRenew>0</AutoRenew>
 <admin>0</admin>
 <quotaused>0</quotaused>
 </pop>
 <pop>
 <username>hp</username>
 <password>78910</password>
 <quota>1024</quota>
 <expdate>5/3/2010 2:14:59 AM</expdate>
 <BundleId>26770</BundleId>
 <AutoRenew>0</AutoRenew>
 <admin>1</admin>
 <quotaused>0</quotaused>
 </pop>
 <EmailCount>2</EmailCount>
 <Paks>
 <Pak>
  <BundleId>26770</BundleId>
  <QtyPurchased>10</QtyPurchased>
  <QtyAvailable>8</QtyAvailable>
  <ExpDate>5/3/2010 2:14:59 AM</ExpDate>
  <AutoRenew>0</AutoRenew>
  <Quota>1024</Quota>
  <ProdType>38</ProdType>
 </Pak>
 </Paks>
 <Count>1</Count>
 <AdditionalHostPop></AdditionalHostPop>
 <AdditionalHostAcctLogin/>
 <Successful>True</Successful>
 <Command>GETPOP3</Command>
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
 <ExecTime>0.047</ExecTime>
 <Done>true</Done>
 <debug/>
 <TrackingKey>9940727e-36fd-4b47-92f8-732af897c07a</TrackingKey>
 <RequestDateTime>12/8/2011 5:14:56 AM</RequestDateTime>
</interface-response>
`,
  "getpopexpirations-online": `<interface-response>
 <popexpirations>
 <pop>
  <domain>1986anotherappz.us</domain>
  <bundleid>30631</bundleid>
  <expdate>10/25/2012 2:13:57 AM</expdate>
 </pop>
 <pop>
  <domain>1986anotherappz.us</domain>
  <bundleid>30630</bundleid>
  <expdate>10/25/2012 2:12:18 AM</expdate>
 </pop>
 <count>2</count>
 </popexpirations>
 <Command>GETPOPEXPIRATIONS</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod/>
 <MaxPeriod>10</MaxPeriod>
 <Server>sjl21wresellt01</Server>
 <Site>eNom</Site>
 <IsLockable/>
 <IsRealTimeTLD/>
 <TimeDifference>+0.00</TimeDifference>
 <ExecTime>1.234</ExecTime>
 <Done>true</Done>
 <debug/>
 <TrackingKey>0a7ee088-86c5-4067-885c-d141144e8ae7</TrackingKey>
 <RequestDateTime>12/9/2011 2:21:48 AM</RequestDateTime>
</interface-response>
`,
  "getpopforwarding-online": `<interface-response>
 <popforwarding>
 <domainname>resellerdocs.com</domainname>
 <domainnameid>152533676</domainnameid>
 <username>Jane.Doe</username>
 <forwardto>jane@example.net</forwardto>
 <active>1</active>
 </popforwarding>
 <Count>1</Count>
 <Command>GETPOPFORWARDING</Command>
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
 <ExecTime>1.063</ExecTime>
 <Done>true</Done>
 <debug/>
 <TrackingKey>0a5b34f2-b363-41f0-8686-4f64c8e32f30</TrackingKey>
 <RequestDateTime>12/9/2011 2:24:10 AM</RequestDateTime>
</interface-response>
`,
  "purchasepopbundle-online": `<interface-response>
 <orderid>157781024</orderid>
 <Bundles>
 <BundleID>30823</BundleID>
 </Bundles>
 <BundleCount>1</BundleCount>
 <Command>PURCHASEPOPBUNDLE</Command>
 <Language>eng</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>SJL21WRESELLT01</Server>
 <Site>eNom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <TimeDifference>+08.00</TimeDifference>
 <ExecTime>1.265</ExecTime>
 <Done>true</Done>
 <RequestDateTime>12/9/2011 4:02:14 AM</RequestDateTime>
 <debug></debug>
</interface-response>
`,
  "renewpopbundle-online": `<?xml version="1.0" ?>
<interface-response>
 <orderid>156227365</orderid>
 <Command>RENEWPOPBUNDLE</Command>
 <Language>en</Language>
 <ErrCount>0</ErrCount>
 <ResponseCount>0</ResponseCount>
 <MinPeriod>1</MinPeriod>
 <MaxPeriod>10</MaxPeriod>
 <Server>RESELLERTEST</Server>
 <Site>enom</Site>
 <IsLockable>True</IsLockable>
 <IsRealTimeTLD>True</IsRealTimeTLD>
 <ExecTime>0.34375</ExecTime>
 <Done>true</Done>
 <debug>
 <![CDATA[ ] ]>
 </debug>
</interface-response>
`,
  "advanceddomainsearch-page": `<interface-response>
<DomainSearch>
 <SearchParams>
 <SP-TLDList>*</SP-TLDList>
 <SP-SLD>r</SP-SLD>
 <SP-SearchCriteria>Start</SP-SearchCriteria>
 <SP-ParkingStatus/>
 <SP-XML>
  <DomainNames>
  <DomainName sld="r" location="Start"/>
  </DomainNames>
 </SP-XML>
 <SP-RegistrationStatus>Registered</SP-RegistrationStatus>
 <SP-AutoRenew/>
 <SP-Locked/>
 <SP-DaysTillExpires/>
 <SP-DaysExpired/>
 <SP-NsStatus/>
 <SP-HostRecordType/>
 <SP-HostName/>
 <SP-HostAddress/>
 <SP-NameServer/>
 <SP-HasIDProtect/>
 <SP-HasPOPMail/>
 <SP-EmailForwarding/>
 <SP-HasWebHosting/>
 <SP-ExcludeNumbers>True</SP-ExcludeNumbers>
 <SP-ExcludeDashes>True</SP-ExcludeDashes>
 <SP-IncludeSubAccounts/>
 <SP-SubAccountLogin/>
 <SP-XMLResponse>1</SP-XMLResponse>
 <SP-RecordsToReturn>100</SP-RecordsToReturn>
 <SP-StartPosition>1</SP-StartPosition>
 <SP-OrderBy>ExpDate</SP-OrderBy>
 <SP-CustomerGroupName/>
 <SP-FolderOption/>
 <SP-FolderSyncStatus/>
 <SP-FolderName/>
 <SP-EmailResultsOnly/>
 <SP-CreationDate/>
 <SP-DaysUntilIDProtectExpires/>
 <SP-ContactXML/>
 <SP-WBLStatusID/>
 <SP-WBLEnabled/>
 <SP-WBLAutoRenew/>
 </SearchParams>
 <TotalResults>33</TotalResults>
 <StartPosition>1</StartPosition>
 <NextPosition>1</NextPosition>
 <MultiRRP>False</MultiRRP>
 <TLDOverride>0</TLDOverride>
 <Domains>
 <Domain>
  <DomainNameID>318265464</DomainNameID>
  <SLD>rtrtretqq</SLD>
  <TLD>com</TLD>
  <AutoRenew>0</AutoRenew>
  <ExpDate>12/30/2005</ExpDate>
  <DomainRegistrationStatus>Registered
</DomainRegistrationStatus>
  <DeleteType/>
  <LoginID>resellid</LoginID>
  <AccountID>217-no-0647</AccountID>
  <NSStatus>Yes</NSStatus>
  <FolderStatus>0</FolderStatus>
  <RRProcessor>E</RRProcessor>
  <RRCompanyName>eNom, Inc.</RRCompanyName>
  <HasIDProtect>disabled</HasIDProtect>
  <IDProtectExpires/>
  <DomainFolderStatus>0</DomainFolderStatus>
  <WBLStatusID>0</WBLStatusID>
  <WBLStatus>Available</WBLStatus>
  <WBLExpDate/>
  <WBLAutoRenew/>
  <NameServers>dns1.name-services.com,
dns2.name-services.com,dns3.name-services.com,
dns4.name-services.com,dns5.name-services.com
</NameServers>
  <Vas/>
 </Domain>
 <Domain>
  <DomainNameID>318273905</DomainNameID>
  <SLD>roscoisgek</SLD>
  <TLD>com</TLD>
  <AutoRenew>1</AutoRenew>
  <ExpDate>5/13/2006</ExpDate>
  <DomainRegistrationStatus>Registered
</DomainRegistrationStatus>
  <DeleteType/>
  <LoginID>resellid</LoginID>
  <AccountID>217-no-0647</AccountID>
  <NSStatus>Yes</NSStatus>
  <FolderStatus>0</FolderStatus>
  <RRProcessor>E</RRProcessor>
  <RRCompanyName>eNom, Inc.</RRCompanyName>
  <HasIDProtect>enabled</HasIDProtect>
  <IDProtectExpires>7/29/2007</IDProtectExpires>
  <DomainFolderStatus>0</DomainFolderStatus>
  <WBLStatusID>0</WBLStatusID>
  <WBLStatus>Available</WBLStatus>
  <WBLExpDate/>
  <WBLAutoRenew/>
  <NameServers>dns1.name-services.com,
dns2.name-services.com,dns3.name-services.com,
dns4.name-services.com,dns5.name-services.com
</NameServers>
  <Vas/>
 </Domain>
 </Domains>
</DomainSearch>
<Command>ADVANCEDDOMAINSEARCH</Command>
<Language>eng</Language>
<ErrCount>0</ErrCount>
<ResponseCount>0</ResponseCount>
<MinPeriod/>
<MaxPeriod>10</MaxPeriod>
<Server>sjl21wresellt01</Server>
<Site>eNom</Site>
<IsLockable/>
<IsRealTimeTLD/>
<TimeDifference>+0.00</TimeDifference>
<ExecTime>0.141</ExecTime>
<Done>true</Done>
<debug/>
<TrackingKey>340cd124-a655-41bd-820c-d3e1b731a1b3</TrackingKey>
<RequestDateTime>12/7/2011 3:29:08 AM</RequestDateTime>
</interface-response>
`,
} as const;

/** The page each Text sample is printed on. */
export const TEXT_SAMPLE_PAGES = {
  advanceddomainsearch: "docs/domains/domain-management/general/advanced-domain-search.md",
  deleteallpoppaks: "docs/delete-all-pop-paks.md",
  deletepop3: "docs/delete-pop-3.md",
  deletepoppak: "docs/delete-pop-pak.md",
  getbalance: "docs/GetBalance.md",
  getcatchall: "docs/get-catch-all.md",
  getdomains: "docs/get-domains.md",
  getpop3: "docs/get-pop-3.md",
  getpopexpirations: "docs/get-pop-expirations.md",
  getpopforwarding: "docs/get-pop-forwarding.md",
  modifypop3: "docs/modify-pop-3.md",
  purchasepopbundle: "docs/purchase-pop-bundle.md",
  renewpopbundle: "docs/renew-pop-bundle.md",
  setcatchall: "docs/set-catch-all.md",
  setpakrenew: "docs/set-pak-renew.md",
  setpopforwarding: "docs/set-pop-forwarding.md",
} as const;

export const TEXT_SAMPLES: Record<keyof typeof TEXT_SAMPLE_PAGES, string> = {
  advanceddomainsearch: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
SP-TLDList=*
SP-SLD=r
SP-SearchCriteria=Start
SP-ParkingStatus=
DomainName=
SP-RegistrationStatus=Registered
SP-AutoRenew=
SP-Locked=
SP-DaysTillExpires=
SP-DaysExpired=
SP-NsStatus=
SP-HostRecordType=
SP-HostName=
SP-HostAddress=
SP-NameServer=
SP-HasIDProtect=
SP-HasPOPMail=
SP-EmailForwarding=
SP-HasWebHosting=
SP-ExcludeNumbers=True
SP-ExcludeDashes=True
SP-IncludeSubAccounts=
SP-SubAccountLogin=
SP-XMLResponse=1
SP-RecordsToReturn=100
SP-StartPosition=1
SP-OrderBy=ExpDate
SP-CustomerGroupName=
SP-FolderOption=
SP-FolderSyncStatus=
SP-FolderName=
SP-EmailResultsOnly=
SP-CreationDate=
SP-DaysUntilIDProtectExpires=
SP-ContactXML=
SP-WBLStatusID=
SP-WBLEnabled=
SP-WBLAutoRenew=
TotalResults=112
StartPosition=1
NextPosition=101
MultiRRP=False
TLDOverride=0
DomainNameID1=318265464
SLD1=rtrtretqq
TLD1=com
AutoRenew1=0
ExpDate1=12/30/2005
DomainRegistrationStatus1=Registered
DeleteType1=
LoginID1=resellid
AccountID1=217-no-0647
IsProvisioned1=false
NSStatus1=NA
FolderStatus1=0
RRProcessor1=E
RRCompanyName1=eNom, Inc.
HasIDProtect1=disabled
IDProtectExpires1=
DomainFolderStatus1=0
WBLStatusID1=0
WBLStatus1=Available
WBLExpDate1=
WBLAutoRenew1=
NameServers1=
Vas1=
DomainNameID2=318273905
SLD2=roscoisgek
TLD2=com
AutoRenew2=1
ExpDate2=5/13/2006
.
.
.
count=100
Command=ADVANCEDDOMAINSEARCH
APIType=API.NET
Language=eng
ErrCount=0
ResponseCount=0
MinPeriod=1
MaxPeriod=10
Server=sjl0vwresell_t
Site=eNom
IsLockable=
IsRealTimeTLD=
TimeDifference=+0.00
ExecTime=0.172
Done=true
TrackingKey=33d1ac28-6507-4993-a57f-6b5c5d143ea6
RequestDateTime=2/3/2015 12:40:58 PM
`,
  deleteallpoppaks: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
PaksRemoved:35
Command: SETIPRESOLVER
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.547
Done: true
TrackingKey: fbdaddec-4371-49dc-b877-88d2f2773773
RequestDateTime: 2/5/2015 3:07:11 PM
`,
  deletepop3: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
success: True
Command: DELETEPOP3
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.594
Done: true
TrackingKey: fbed2f7d-f570-4a55-82dd-f327f31684fe
RequestDateTime: 2/11/2015 1:03:15 PM
`,
  deletepoppak: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
Command=DELETEPOPPAK
APIType=API.NET
Language=eng
ErrCount=0
ResponseCount=0
MinPeriod=1
MaxPeriod=10
Server=sjl0vwresell_t
Site=eNom
IsLockable=True
IsRealTimeTLD=True
TimeDifference=+8.00
ExecTime=0.031
Done=true
TrackingKey=323f2cdc-6c00-486d-b458-12401dd086f6
RequestDateTime=2/3/2015 3:33:04 PM
`,
  getbalance: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
Reseller: 1
Balance: -1,832.23
AvailableBalance: 6,193.37
Price: 8.95
COMPrice: 8.95
NETPrice: 9.00
ORGPrice: 9.00
CCPrice: 24.95
TVPrice: 39.95
BZPrice: 24.95
NUPrice: 24.95
DomainCount: 2692
Command: GETBALANCE
APIType: API
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: SJL0VWRESELL_T1
Site: eNom
IsLockable: False
IsRealTimeTLD: True
TimeDifference: +03.00
ExecTime: 0.156
Done: true
RequestDateTime: 2/3/2015 4:41:26 PM
`,
  getcatchall: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
success: True
ForwardTo:
Version: 2
Command: GETCATCHALL
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.156
Done: true
TrackingKey: a559e157-6bfe-4831-95b3-d8b48ee52c1b
RequestDateTime: 2/3/2015 4:47:51 PM
`,
  getdomains: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
tab=
multirrp=False
DomainNameID1=345245402
sld1=00000101010101fourth
tld1=com
ns-status1=NA
expiration-date1=8/7/2015
auto-renew1=No
wppsstatus1=enabled
wppsexpdate1=7/28/2015 4:46:59 AM
RRProcessor1=E
DomainNameID2=345730105
sld2=00000bbb
tld2=com
ns-status2=NA
expiration-date2=8/13/2015
auto-renew2=No
wppsstatus2=enabled
wppsexpdate2=10/2/2015 1:08:04 AM
RRProcessor2=E
DomainNameID3=152708789
sld3=000ajaycouk
tld3=us
ns-status3=NA
expiration-date3=1/30/2012
auto-renew3=No
wppsstatus3=n/a
RRProcessor3=E
.
.
.
count=25
EndPosition=25
PreviousRecords=0
NextRecords=26
OrderBy=
StartPosition=1
DomainCount=2692
TotalDomainCount=2692
StartLetter=
Command=GETDOMAINS
APIType=API
Language=eng
ErrCount=0
ResponseCount=0
MinPeriod=
MaxPeriod=10
Server=SJL0VWRESELL_T
Site=eNom
IsLockable=
IsRealTimeTLD=
TimeDifference=+0.00
ExecTime=0.188
Done=true
RequestDateTime=2/3/2015 5:53:54 PM
`,
  getpop3: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
Username1: neil
Password1: Pass1w0rd
Quota1: 1024
ExpDate1: 11/6/2015
BundleId1: 1003774
AutoRenew1: 0
admin1: 1
quotaused1: 0
vasitemid1: 1003774
version1: 2
EmailCount: 1
PakBundleId1: 1003774
PakQtyPurchased1: 10
PakQtyAvailable1: 9
PakExpDate1: 11/6/2015
PakAutoRenew1: 0
PakQuota1: 1024
PakProdType1: 38
PakVersion1: 2
Count: 1
AdditionalHostAcctLogin:
Successful: True
Success: True
Command: GETPOP3
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.219
Done: true
TrackingKey: 3eb23499-9163-4321-9aa4-2bfb721189db
RequestDateTime: 2/4/2015 11:16:11 AM
`,
  getpopexpirations: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
domain1: 123example.net
bundleid1: 1004277
expdate1: 11/25/2015 11:09:13 AM
renew1: False
version1: 2
domain2: 45566.net
bundleid2: 1004278
expdate2: 11/25/2015 11:11:07 AM
renew2: False
version2: 2
domain3: 0592lh.com
bundleid3: 32589
expdate3: 10/12/2019 11:01:45 AM
renew3: False
version3: 2
domain4: cl-test.com
bundleid4: 32820
expdate4: 10/12/2019 11:01:45 AM
renew4: False
version4: 2
.
.
.
count: 259
success: True
Command: GETPOPEXPIRATIONS
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.547
Done: true
TrackingKey: 15b60a1b-e6f4-49e9-8e2e-b6416d5e4d96
RequestDateTime: 2/4/2015 11:18:40 AM
`,
  getpopforwarding: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
domainname: resellerdocs.com
domainnameid: 152533676
username: Jane.Doe
forwardto:
active:
Success: True
Command: GETPOPFORWARDING
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.250
Done: true
TrackingKey: dae94654-2a03-4bf2-bb11-9ffb562a09e1
RequestDateTime: 2/11/2015 3:14:21 PM
`,
  modifypop3: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
Success: True
AccountsModified: 2
AccountsFailed: 0
Command: MODIFYPOP3
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.016
Done: true
TrackingKey: e9ac093f-59a4-43cf-b72a-e94b8343acb0
RequestDateTime: 2/11/2015 5:28:24 PM
`,
  purchasepopbundle: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
orderid: 161808176
BundleID1: 1004952
BundleCount: 1
Command: PURCHASEPOPBUNDLE
APIType: API
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: SJL0VWRESELL_T1
Site: eNom
IsLockable: True
IsRealTimeTLD: True
TimeDifference: +08.00
ExecTime: 11.848
Done: true
RequestDateTime: 2/4/2015 5:50:18 PM
`,
  renewpopbundle: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
Command: RENEWPOPBUNDLE
APIType: API
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: SJL0VWRESELL_T
Site:
IsLockable: True
IsRealTimeTLD: True
TimeDifference: +08.00
ExecTime: 0.313
Done: true
RequestDateTime: 2/5/2015 2:19:02 PM
`,
  setcatchall: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
success: True
ForwardTo: [email protected]
Version: 2
Command: SETCATCHALL
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.547
Done: true
TrackingKey: 601121bb-c00d-4be5-8028-632e4c22064f
RequestDateTime: 2/5/2015 2:38:40 PM
`,
  setpakrenew: `;URL Interface
;Machine is SJL0VWRESELL_T
;Encoding Type is utf-8
Success: True
Command: SETPAKRENEW
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 0.125
Done: true
TrackingKey: 10a9754d-525d-4026-95ab-c6ba51416831
RequestDateTime: 2/5/2015 3:10:07 PM
`,
  setpopforwarding: `;URL Interface
;Machine is SJL0VWRESELL_T1
;Encoding Type is utf-8
success: 1
Command: SETPOPFORWARDING
APIType: API.NET
Language: eng
ErrCount: 0
ResponseCount: 0
MinPeriod: 1
MaxPeriod: 10
Server: sjl0vwresell_t1
Site: eNom
IsLockable:
IsRealTimeTLD:
TimeDifference: +0.00
ExecTime: 1.063
Done: true
TrackingKey: 9f4ee08c-d5c7-4a2e-8f97-afeab5cbaaaa
RequestDateTime: 2/5/2015 3:17:18 PM
`,
};
