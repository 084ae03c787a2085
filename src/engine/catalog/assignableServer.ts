import type { LayerId } from './layers';
import type { Capability } from './personas';

/** How a configured server got its layer and capability tags. */
export type ServerClassification =
  | { readonly kind: 'known'; readonly knownId: string; readonly matchedBy: string }
  | { readonly kind: 'tools'; readonly reason: string }
  | { readonly kind: 'override'; readonly reason: string }
  | { readonly kind: 'unassigned'; readonly reason: string };

/**
 * A configured server as routing sees it: its name, tags and tool count. `src/mcp/` builds these
 * from the user's configs (knowledge-base match, tool-name classification or user override).
 */
export interface AssignableServer {
  /** Configured name (unique). */
  readonly name: string;
  readonly layers: readonly LayerId[];
  readonly capabilities: readonly Capability[];
  readonly classification: ServerClassification;
  /** Number of tools, when known (after `tools/list`). */
  readonly toolCount?: number;
  /** Whether the server may run (false e.g. in an untrusted workspace, or disabled). */
  readonly available: boolean;
}
