import "server-only";
import type { z } from "zod";
import type * as s from "./schemas";

/** The app's types for eNom's answers, all from the output schemas (z.infer), camelCased. */
export type { CalendarDate, EnomDateTime } from "./dates";
export type { Money } from "./money";

export type DomainName = z.infer<typeof s.domainNameSchema>;
export type Pak = z.infer<typeof s.pakSchema>;
export type Mailbox = z.infer<typeof s.mailboxSchema>;
export type DomainEmail = z.infer<typeof s.domainEmailSchema>;
export type PurchasedBundle = z.infer<typeof s.purchasedBundleSchema>;
export type Purchase = z.infer<typeof s.purchaseSchema>;
export type PopBundlePurchase = z.infer<typeof s.popBundlePurchaseSchema>;
export type PakRenewSetting = z.infer<typeof s.pakRenewSettingSchema>;
export type MailboxBatch = z.infer<typeof s.mailboxBatchSchema>;
export type PakDeletion = z.infer<typeof s.pakDeletionSchema>;
export type AllPaksDeletion = z.infer<typeof s.allPaksDeletionSchema>;
export type PakRenewal = z.infer<typeof s.pakRenewalSchema>;
export type PopExpiration = z.infer<typeof s.popExpirationSchema>;
export type PopExpirations = z.infer<typeof s.popExpirationsSchema>;
export type CatchAll = z.infer<typeof s.catchAllSchema>;
export type PopForward = z.infer<typeof s.popForwardSchema>;
export type PopForwarding = z.infer<typeof s.popForwardingSchema>;
export type PopForwardingWrite = z.infer<typeof s.popForwardingWriteSchema>;
export type AccountDomain = z.infer<typeof s.accountDomainSchema>;
export type AccountDomains = z.infer<typeof s.accountDomainsSchema>;
export type Balance = z.infer<typeof s.balanceSchema>;

/** What callers pass (before defaults and coercion). */
export type PurchaseServicesInput = z.input<typeof s.purchaseServicesInputSchema>;
export type PurchasePopBundleInput = z.input<typeof s.purchasePopBundleInputSchema>;
export type DomainOnlyInput = z.input<typeof s.domainOnlyInputSchema>;
export type SetPakRenewInput = z.input<typeof s.setPakRenewInputSchema>;
export type PakInput = z.input<typeof s.pakInputSchema>;
export type RenewPopBundleInput = z.input<typeof s.renewPopBundleInputSchema>;
export type SetUpPop3UsersInput = z.input<typeof s.setUpPop3UsersInputSchema>;
export type ModifyPop3UsersInput = z.input<typeof s.modifyPop3UsersInputSchema>;
export type DeletePop3UsersInput = z.input<typeof s.deletePop3UsersInputSchema>;
export type SetCatchAllInput = z.input<typeof s.setCatchAllInputSchema>;
export type PopForwardingInput = z.input<typeof s.popForwardingInputSchema>;
export type SetPopForwardingInput = z.input<typeof s.setPopForwardingInputSchema>;
export type GetDomainsInput = z.input<typeof s.getDomainsInputSchema>;

/** Per call: a timeout for this call (overrides the client's default) and a way to give up. */
export type CallOptions = { timeoutMs?: number; signal?: AbortSignal };

export type MetricOutcome = "ok" | "enom-error" | "unavailable";
/** One per request sent to eNom (so a read retried twice reports three). */
export type EnomMetric = { command: string; durationMs: number; outcome: MetricOutcome; attempt: number };

/** The slice of pino the client uses; pino's Logger fits it. */
export type EnomLogger = {
  info: (record: object, message?: string) => void;
  warn: (record: object, message?: string) => void;
};

/** Flat form parameters, in eNom's names, in the order they are sent. */
export type EnomParams = Record<string, string>;

export type HostRecord = z.infer<typeof s.hostRecordSchema>;
export type HostRecords = z.infer<typeof s.hostRecordsSchema>;
export type HostRecordsWrite = z.infer<typeof s.hostRecordsWriteSchema>;
export type MailService = z.infer<typeof s.mailServiceSchema>;
export type NameServers = z.infer<typeof s.nameServersSchema>;
export type Alias = z.infer<typeof s.aliasSchema>;
export type DomainForwarding = z.infer<typeof s.domainForwardingSchema>;
export type DomainForwardingWrite = z.infer<typeof s.domainForwardingWriteSchema>;
export type HostRecordInput = z.input<typeof s.hostRecordInputSchema>;
export type SetHostsInput = z.input<typeof s.setHostsInputSchema>;
export type AliasInput = z.input<typeof s.aliasInputSchema>;
export type SetDomainForwardingInput = z.input<typeof s.setDomainForwardingInputSchema>;
