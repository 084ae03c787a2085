/**
 * Approval policy per server and tool: `always-ask`, `auto-read-only` (ask unless the tool is
 * read-only), `auto` (never ask). The most specific setting wins: tool, then server, then default.
 */
export type ApprovalMode = 'always-ask' | 'auto-read-only' | 'auto';

export interface ApprovalPolicy {
  readonly default: ApprovalMode;
  readonly servers?: Readonly<Record<string, { readonly default?: ApprovalMode; readonly tools?: Readonly<Record<string, ApprovalMode>> }>>;
}

export const AUTO_APPROVE: ApprovalPolicy = { default: 'auto' };

/** The mode that applies to one tool. */
export function approvalModeFor(policy: ApprovalPolicy, server: string, tool: string): ApprovalMode {
  const s = policy.servers?.[server];
  return s?.tools?.[tool] ?? s?.default ?? policy.default;
}

/** True if a call needs the user's approval before it runs. */
export function needsApproval(policy: ApprovalPolicy, server: string, tool: string, readOnly: boolean): boolean {
  const mode = approvalModeFor(policy, server, tool);
  switch (mode) {
    case 'always-ask':
      return true;
    case 'auto-read-only':
      return !readOnly;
    case 'auto':
      return false;
    default: {
      const _x: never = mode;
      return _x;
    }
  }
}
