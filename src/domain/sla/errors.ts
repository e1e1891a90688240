// Two kinds of refusal: a policy that cannot be trusted (many issues at once, so a
// policy editor can show them all) and a single bad input to computeSla.

export interface PolicyIssue {
  /** Dotted path into the policy, e.g. "calendar.week.mon[1]". */
  path: string;
  message: string;
}

export class SlaPolicyError extends Error {
  override readonly name = 'SlaPolicyError';
  constructor(
    readonly policyId: string,
    readonly issues: readonly PolicyIssue[],
  ) {
    super(`SLA policy '${policyId}' is invalid:\n` + issues.map((i) => `  - ${i.path ? i.path + ': ' : ''}${i.message}`).join('\n'));
  }
}

export class SlaInputError extends Error {
  override readonly name = 'SlaInputError';
  constructor(
    /** Where the bad value is, e.g. "history[3].at" or "now". */
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field} = ${JSON.stringify(value) ?? String(value)}: ${reason}`);
  }
}
