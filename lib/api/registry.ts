import "server-only";
import type { ApiOperation } from "./operation";
import { createAlias, deleteAlias, listAliases, updateAlias } from "./operations/aliases";
import { listAuditEntries } from "./operations/audit";
import { getCustomerById, listCustomers, setCustomerDomains } from "./operations/customers";
import {
  getCatchAll,
  getDomain,
  getForwarding,
  listDomains,
  listPaks,
  setCatchAll,
  setPakAutoRenew,
} from "./operations/domains";
import {
  createMailboxes,
  deleteMailbox,
  listMailboxes,
  removeMailboxForwarding,
  resetMailboxPassword,
  setMailboxForwarding,
  updateMailbox,
} from "./operations/mailboxes";
import { getMe } from "./operations/me";
import { createPurchase, createRenewal, getPurchase, listExpirations } from "./operations/purchases";
import {
  createPurchaseRequest,
  createRenewalRequest,
  getJob,
  listPurchaseRequests,
} from "./operations/requests";

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  getMe,
  listDomains,
  getDomain,
  listPaks,
  setPakAutoRenew,
  listMailboxes,
  createMailboxes,
  updateMailbox,
  resetMailboxPassword,
  deleteMailbox,
  getForwarding,
  setMailboxForwarding,
  removeMailboxForwarding,
  getCatchAll,
  setCatchAll,
  listAliases,
  createAlias,
  updateAlias,
  deleteAlias,
  createPurchase,
  createRenewal,
  getPurchase,
  createPurchaseRequest,
  createRenewalRequest,
  listPurchaseRequests,
  getJob,
  listExpirations,
  listCustomers,
  getCustomerById,
  setCustomerDomains,
  listAuditEntries,
];
