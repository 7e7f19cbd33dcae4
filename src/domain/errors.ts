/** Expected failures the API reports to callers; anything else is a bug and gets masked. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface InputIssue {
  /** Where in the input, e.g. "claims[2].end". */
  path: string;
  message: string;
}

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(message, 'BAD_USER_INPUT');
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}
