import type { Evidence } from './analysisTypes';

/**
 * An internal audience: work whose users are the organisation's own services or infrastructure ("SSO for
 * internal services", "SAML SSO for infra stuff"), not the product's users. ("Internal server error" names no
 * audience: the word must qualify a noun of services, tools or people.)
 */
const INTERNAL_AUDIENCE = /\b(?:internal|in-house)\s+(?:services?|tools?|tooling|systems?|apps?|applications?|projects?|teams?|users?|staff|platforms?)\b|\bfor\s+(?:the\s+|our\s+)?infra(?:structure)?\b/i;

/** Rule name of internal-audience evidence. */
const INTERNAL_AUDIENCE_RULE = 'internal-audience';

/** Evidence of an internal audience in `task`, or undefined. */
export function internalAudience(task: string): Evidence | undefined {
  const m = INTERNAL_AUDIENCE.exec(task);
  return m ? { phrase: m[0], start: m.index, end: m.index + m[0].length, rule: INTERNAL_AUDIENCE_RULE, weight: 1 } : undefined;
}
