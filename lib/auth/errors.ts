/**
 * What the data-access layer throws; the action envelope turns each into a message for the user.
 * `NotFoundError` is also what someone else's domain, pak or mailbox answers, so that nobody can
 * learn what exists outside their reach.
 */
export class NotSignedInError extends Error {
  constructor() {
    super("Your session has ended. Sign in again to continue.");
    this.name = "NotSignedInError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(what = "That item") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** A rule of the panel itself was broken (e.g. removing the last admin); the message says which. */
export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleError";
  }
}
