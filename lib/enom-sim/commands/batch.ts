import { MAX_SIZE } from "../../validation/enom-rules";
import { EnomError, enomErrors, type Failure } from "../errors";
import type { EnomResponse } from "../wire/boiler";
import type { EnomParams } from "../wire/params";
import { requiredParam } from "./inputs";

/**
 * Indexed users (UserName1, Password1, …) as SetUpPOP3User, ModifyPOP3 and DeletePOP3 take them,
 * and what a batch reports. eNom documents only counts — AccountsCreated / AccountsModified /
 * AccountsDeleted and AccountsFailed — with ErrCount and the errors beside them (seeds/001's HTML
 * and Text samples: `AccountsCreated=1` next to `ErrCount=1`). Which names failed is not listed
 * anywhere: a caller must read the domain back (GetPOP3) to learn it.
 */

/** ModifyPOP3's EmailCount has two characters, so 99 users; the other batch commands share the cap. */
export const MAX_USERS_PER_QUERY = 99;

export interface IndexedUser {
  index: number;
  userName: string;
}

export function indexedUserNames(params: EnomParams, maxSize: number = MAX_SIZE.userName): IndexedUser[] {
  const indices = params.indicesOf("UserName");
  if (indices.length === 0) throw new EnomError(enomErrors.missing("UserName1"));
  if (indices.length > MAX_USERS_PER_QUERY) throw new EnomError(enomErrors.tooManyUsers(MAX_USERS_PER_QUERY));
  indices.forEach((index, position) => {
    if (index !== position + 1) throw new EnomError(enomErrors.indexGap("UserName", position + 1));
  });
  return indices.map((index) => ({ index, userName: requiredParam(params, `UserName${index}`, maxSize) }));
}

export class BatchOutcome {
  readonly failures: Failure[] = [];
  succeeded = 0;

  fail(failure: Failure | string): void {
    this.failures.push(typeof failure === "string" ? { message: failure } : failure);
  }

  /** The errors and responses that go beside the counts. */
  report(): { errors: string[]; responses: EnomResponse[] } {
    return {
      errors: this.failures.map((failure) => failure.message),
      responses: this.failures.flatMap((failure) => (failure.response ? [failure.response] : [])),
    };
  }
}
