import { MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors } from "../errors";
import type { EnomParams } from "../wire/params";
import { list, value, type ReplyField } from "../wire/reply";
import { requiredParam } from "./inputs";

/**
 * Indexed users (UserName1, Password1, …) as SetUpPOP3User, ModifyPOP3 and DeletePOP3 take them,
 * and the per-user outcome those commands report (docs/enom.md: `FailedAccounts`).
 */

/** ModifyPOP3's EmailCount has two characters, so 99 users; the other batch commands share the cap. */
export const MAX_USERS_PER_QUERY = 99;

export interface IndexedUser {
  index: number;
  userName: string;
}

export function indexedUserNames(params: EnomParams): IndexedUser[] {
  const indices = params.indicesOf("UserName");
  if (indices.length === 0) throw new EnomError(enomErrors.missing("UserName1"));
  if (indices.length > MAX_USERS_PER_QUERY) throw new EnomError(enomErrors.tooManyUsers(MAX_USERS_PER_QUERY));
  indices.forEach((index, position) => {
    if (index !== position + 1) throw new EnomError(enomErrors.indexGap("UserName", position + 1));
  });
  return indices.map((index) => ({
    index,
    userName: requiredParam(params, `UserName${index}`, MAX_SIZE.userName),
  }));
}

export interface UserFailure {
  userName: string;
  reason: string;
}

export class BatchOutcome {
  readonly failures: UserFailure[] = [];
  succeeded = 0;

  fail(userName: string, reason: string): void {
    this.failures.push({ userName, reason });
  }

  /** "When every user fails, ErrCount is 1 with the first reason" (docs/enom.md). */
  requireOneSuccess(): void {
    const first = this.failures[0];
    if (this.succeeded === 0 && first) throw new EnomError(first.reason);
  }

  failedAccountsFields(): ReplyField[] {
    if (this.failures.length === 0) return [];
    const items = this.failures.map((failure) => [
      value("UserName", failure.userName),
      value("Reason", failure.reason),
    ]);
    return [list("FailedAccounts", "Account", items, "Failed")];
  }
}
