/**
 * L1 concerns (ROUTING §6): architecture, compliance and product framing, each with its evidence.
 */
import type { AreaFinding, ConcernFinding, ConcernId, Evidence } from './analysisTypes';
import { saturation } from './saturation';
import type { Token } from './tokenize';
import {
  ADOPT_RULE, append, capitalised, cite, clauseIndex, countedReplicas, CX_CONTAINED, CX_HOSTING_OBJECT, CX_IMPL_VERB,
  CX_MIGRATION_VERB, ev, flags, genericReplace, Hit, hitsOf, insideAreaName, isTitleCase, joinedCue, POLICY_STEM,
  quotedTitleWord, type Reading, sameLowercase, schemaMigration, toolPolicy, twoDistinctNames, writtenAsName,
} from './reading';
import { C_CAPABILITY, C_USER_START, SETUP_LEADS, wordClasses } from './wordClasses';

// Roles whose user stories are technical, not product framing (ROUTING §6: judge by meaning).
const TECH_ROLES = new Set(['devop', 'sysop', 'sre', 'developer', 'platform', 'maintainer', 'operator', 'architect', 'contributor', 'dev']);
const SLOT_TECH_CLAUSE = 4;
/** Opening verbs that adopt a technology ("Use Redis as cache"), and the rule name of that architecture evidence. */
const ADOPT_VERBS = new Set(['use', 'adopt', 'introduce']);
/** Words after an adopted technology that give it its role: "Use Redis as cache", "Adopt Flyway: …", "Use CDK to set up…". */
const ROLE_PREPS = new Set(['as', 'for', 'to', 'instead']);
/**
 * Whether a concern word opens the "when …" clause of a bug report ("crashes when switching from portrait to
 * landscape"): what the user was doing when it failed, not work the task asks for.
 */
function bugTrigger(r: Reading, h: Hit): boolean {
  return h.i > 0 && SETUP_LEADS.has(r.tokens[h.i - 1]!.lower) && hitsOf(r, CX_CONTAINED).length > 0;
}

/** L1 concerns, user-story framing (returned as `userFacing` for the frontend inference), and the areas a capability user story implies (pushed onto `areas`). */
export function readConcerns(
  r: Reading,
  keep: readonly Hit[],
  areas: AreaFinding[],
  docsHit: Hit | undefined,
): { concernEv: Map<ConcernId, Evidence[]>; concerns: ConcernFinding[]; techClauses: Uint8Array; userFacing: Evidence | undefined } {
  const { task, tokens, negated } = r;
  // L1 concerns.
  const concernEv = new Map<ConcernId, Evidence[]>();
  // "Replace"/"swap" is an architecture signal only when it replaces a named technology
  // ("Replace Nagios with Icinga"), not an icon or a string.
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  // Per clause: names a catalogued technology (scratch flags, not a Set per analysis).
  const techClauses = flags(SLOT_TECH_CLAUSE, tokens.length);
  for (const k of keep) if (k.sense.t === 'area' && k.sense.tech) techClauses[clauseOf[k.i]!] = 1;
  for (const h of r.concernHits) {
    if (h.sense.t !== 'concern' || negated[h.i] || genericReplace(task, tokens, h, clauseOf, techClauses, keep) || schemaMigration(tokens, h) || countedReplicas(tokens, h) || insideAreaName(keep, h) || toolPolicy(keep, tokens, h) || quotedTitleWord(r, h) || bugTrigger(r, h) || (h.n === 1 && tokens[h.i]!.stem === POLICY_STEM && joinedCue(task, tokens, h))) continue;
    concernEv.set(h.sense.concern, append(concernEv.get(h.sense.concern), h.ev));
  }
  // Moving work from one named technology to another ("Upgrade Elasticsearch to OpenSearch", "move job
  // processing from FastAPI tasks to Celery") is a technology choice: an architecture concern (§6).
  if (!concernEv.has('architecture') && !docsHit) {
    let mig: Hit | undefined;
    for (const h of hitsOf(r, CX_MIGRATION_VERB)) if (!negated[h.i] && !quotedTitleWord(r, h)) { mig = h; break; }
    if (!mig) for (const h of hitsOf(r, CX_IMPL_VERB)) if (!negated[h.i] && tokens[h.i]!.stem === 'upgrad') { mig = h; break; }
    // Without a migration or upgrade verb nothing below can fire: the named technologies are not read.
    if (mig) {
      const named = keep.filter((k) => k.sense.t === 'area' && k.sense.tech && !negated[k.i] && k.i > mig.i);
      if (twoDistinctNames(named) && named.some((k) => k.i > 0 && (tokens[k.i - 1]!.lower === 'to' || tokens[k.i - 1]!.lower === 'with'))) {
        concernEv.set('architecture', [cite(mig.ev, 'concern:architecture:technology-change'), named[0]!.ev, named[1]!.ev]);
      } else {
        // "from <A> to <B>" names both ends of the move even when a catalogue does not list them
        // ("Move container images from Docker Hub to GitHub Container Registry").
        const ends = fromToEnds(tokens, task, keep, negated, clauseOf, mig.i);
        if (ends) concernEv.set('architecture', [cite(mig.ev, 'concern:architecture:technology-change'), ends[0].ev, ends[1].ev]);
        else {
          // "We will move to GitLab soon": moving onto a named technology chooses it, though the one left is unnamed.
          // (A move onto a host is read by the scope rules: a hosting migration, or a strategy about one.)
          const at = mig.i + mig.n + (tokens[mig.i + mig.n]?.lower === 'over' ? 1 : 0);
          const dest = tokens[at]?.lower === 'to' ? named.find((k) => k.i === at + 1) : undefined;
          if (dest && writtenAsName(task, tokens, dest) && !hitsOf(r, CX_HOSTING_OBJECT).some((h) => h.i === dest.i)) concernEv.set('architecture', [cite(mig.ev, 'concern:architecture:technology-change'), dest.ev]);
        }
      }
    }
  }
  // "Use Redis as the cache layer…", "Adopt Flyway: …": a task that opens by adopting a named technology
  // for a role in the system is a technology choice (§6 architecture).
  if (!concernEv.has('architecture') && !docsHit && tokens.length > 2 && ADOPT_VERBS.has(tokens[0]!.lower)) {
    const named = keep.find((k) => k.sense.t === 'area' && k.i === 1 && !negated[k.i]);
    if (named && ((named.sense.t === 'area' && named.sense.tech) || capitalised(task, tokens[1]!)) && ROLE_PREPS.has(tokens[1 + named.n]?.lower ?? '')) {
      concernEv.set('architecture', [ev(tokens, task, 0, 1 + named.n, ADOPT_RULE, 1)]);
    }
  }
  // A key-value store taken on as the app's cache or session store ("Cache queries using Redis", "Redis session")
  // is the caching layer of §6's scalability design, whatever words name it.
  if (!concernEv.has('architecture') && !docsHit) {
    const store = areas.find((a) => a.area === 'database')?.evidence.find((e) => e.rule.startsWith('cache-store:'));
    if (store) concernEv.set('architecture', [cite(store, `concern:architecture:${store.rule}`)]);
  }
  // "A UI 'redesign' is product work" (§6): a redesign of frontend-only work is a product concern.
  const arch = concernEv.get('architecture');
  if (arch && areas.length > 0 && areas.every((a) => a.area === 'frontend') && arch.every((e) => /^re-?design/i.test(e.phrase))) {
    concernEv.delete('architecture');
    concernEv.set('product', [...(concernEv.get('product') ?? []), ...arch.map((e) => cite(e, `concern:product:ui-redesign:${e.rule}`))]);
  }
  // User stories ("As a <role>, I want…") are product framing unless the role is technical.
  let userFacing: Evidence | undefined;
  let userStory: Evidence | undefined;
  // (Swept only when some token can open a pattern: most texts have none.)
  for (let k = 0; (r.classes & C_USER_START) !== 0 && k + 1 < tokens.length && !userFacing; k++) {
    if ((wordClasses(tokens[k]!) & C_USER_START) === 0) continue; // no pattern starts here
    const a = tokens[k]!.stem;
    const b = tokens[k + 1]!.stem;
    const c = tokens[k + 2]?.stem;
    if ((a === 'allow' || a === 'let' || a === 'enabl') && (b === 'user' || b === 'customer')) userFacing = ev(tokens, task, k, 2, 'user-facing:allow-users', 1);
    else if ((a === 'allow' || a === 'let') && (b === 'each' || b === 'every' || b === 'all' || b === 'our') && (c === 'user' || c === 'customer')) userFacing = ev(tokens, task, k, 3, 'user-facing:allow-users', 1);
    else if ((a === 'user' || a === 'customer') && b === 'can') userFacing = ev(tokens, task, k, 2, 'user-facing:users-can', 1);
    // "the ability to manage teams of users", "able to book an appointment": a capability someone uses.
    else if ((a === 'ability' || a === 'abl') && b === 'to' && c !== undefined && (wordClasses(tokens[k + 2]!) & C_CAPABILITY) !== 0) userFacing = ev(tokens, task, k, 3, 'user-facing:ability-to', 1);
  }
  if (tokens.length > 3 && tokens[0]!.lower === 'as' && (tokens[1]!.lower === 'a' || tokens[1]!.lower === 'an')) {
    const role = tokens.slice(2, 5).map((t) => t.stem);
    if (!role.some((r) => TECH_ROLES.has(r))) {
      const e = ev(tokens, task, 0, Math.min(4, tokens.length), 'concern:product:user-story', 1);
      userFacing = e;
      userStory = e;
      concernEv.set('product', append(concernEv.get('product'), e));
    } else concernEv.delete('product');
  }
  const concerns: ConcernFinding[] = [];
  for (const [c, e] of concernEv) concerns.push({ concern: c, score: Math.min(1, saturation(e.length)), evidence: e });

  // A user story asking for an in-product capability ("As an admin, I want to add, edit and delete
  // products") with no technical word is a full-stack feature: backend and frontend, marked inferred.
  if (userStory && areas.length === 0 && !docsHit && (r.classes & C_CAPABILITY) !== 0) {
    const e = cite(userStory, `inferred:user-story-feature:${userStory.rule}`, 0.5);
    areas.push({ area: 'backend', score: 0.55, evidence: [e] }, { area: 'frontend', score: 0.55, evidence: [e] });
  }
  return { concernEv, concerns, techClauses, userFacing };
}

/**
 * The two named things a "from <A> … to <B>" pair after token `after` names — area hits that are catalogue
 * names or written with a capital ("from the header to the footer" names none), each within three tokens
 * of its preposition and in one clause with it — when they are different phrases; or undefined.
 */
function fromToEnds(tokens: readonly Token[], text: string, keep: readonly Hit[], negated: Uint8Array, clauseOf: Uint32Array, after: number): [Hit, Hit] | undefined {
  const caps = !isTitleCase(tokens, text); // in Title Case text ("Move Button From Header To Footer") capitals prove nothing
  let from: Hit | undefined;
  let fromAt = -1;
  for (let k = after + 1; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if (w !== 'from' && w !== 'to') continue;
    if (w === 'from' && from) continue;
    if (w === 'to' && !from) continue;
    let hit: Hit | undefined;
    for (const h of keep) if (h.sense.t === 'area' && !negated[h.i] && h.i > k && h.i <= k + 3 && clauseOf[h.i] === clauseOf[k] && (h.sense.tech || (caps && capitalised(text, tokens[h.i]!)))) { hit = h; break; }
    if (!hit) continue;
    if (w === 'from') { from = hit; fromAt = k; continue; }
    if (fromAt >= 0 && !sameLowercase(hit.ev.phrase, from!.ev.phrase)) return [from!, hit];
  }
  return undefined;
}
