import type { BackoffPolicy } from '../recovery/backoff';
import type { RecoveryLadder } from '../recovery/recoveryLadder';
import type { ApprovalPolicy } from './approvalPolicy';

/** Tunables of execution; every field has a default. */
export interface ExecutionOptions {
  readonly approval?: ApprovalPolicy;
  /** Timeout of one tool call once it is sent (approval waits never count). Default 30 s. */
  readonly callTimeoutMs?: number;
  /** A step with no progress for this long is stalled and escalates. Default 120 s. */
  readonly stallMs?: number;
  /** Identical calls allowed per step attempt before loop detection fires. Default 3. */
  readonly loopMaxRepeats?: number;
  /** Tool results longer than this (characters of JSON) are truncated in storage. Default 8192. */
  readonly maxStoredResultChars?: number;
  /** Retries of one tool call on transient errors (when safe). Default 3 attempts. */
  readonly toolRetry?: { readonly maxAttempts?: number; readonly backoff?: BackoffPolicy };
  readonly ladder?: RecoveryLadder;
  /** Overrides the servers' read-only / idempotent hints for specific tools. */
  readonly toolSafety?: (server: string, tool: string) => { readOnly?: boolean; idempotent?: boolean } | undefined;
}
