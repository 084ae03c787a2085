/**
 * What the task delivers (ROUTING §3): documentation, a plan or evaluation (strategy), a strategy-only artefact
 * (policy, threat model, control mapping), or the work itself.
 */
import type { Evidence } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import {
  CX_DOCS_NOUN, CX_IMPL_VERB, CX_MIGRATION_VERB, CX_STRATEGY_NOUN, CX_STRATEGY_ONLY, DETERMINERS, ev, Hit, hitsOf,
  insideAreaName, insideIdentifier, joinedCue, MODALS, QUALIFIER_PREPS, type Reading, stemIn, stemInClauseAfter,
  stemInClauseBefore, TEMPORAL_CONJUNCTIONS, TITLE_DETERMINERS, toolPolicy, verbAt, verbKey,
} from './reading';

// Verbs whose presence before a docs noun means the task delivers more than documentation.
const STRONG_WORK = new Set(['implement', 'build', 'deploy', 'migrat', 'integrat', 'develop', 'refactor', 'configur', 'set up', 'setup', 'provision', 'scal',
  'enabl', 'instrument', 'automat', 'install', 'rewrit', 'port', 'convert', 'replac', 'mov', 'run', 'design', 'creat', 'add', 'support']);
// Generic verbs that do not turn a docs change into code work.
const DOC_VERBS = new Set(['fix', 'updat', 'add', 'improv', 'writ', 'creat', 'expand', 'clarify', 'correct', 'document', 'need', 'provid', 'review']);
const QUESTION_STARTS = new Set(['should', 'shall', 'which', 'whether']);
/** Words before a user story's verb ("I want to…", "able to…") that make the verb a user capability. */
const CAPABILITY_LEADS = new Set(['want', 'able', 'can', 'should', 'need']);
const AMBIGUOUS_STRATEGY_NOUNS = new Set(['evaluation', 'comparison', 'assessment', 'decision', 'research', 'audit', 'experiment', 'prototyp', 'strategy', 'blueprint']);
/** Verbs that carry a policy or standard out (stems): the policy is then a constraint, not the deliverable. */
const POLICY_WORK_VERBS = new Set(['implement', 'enforc', 'apply', 'harden', 'configur', 'enabl', 'integrat', 'automat', 'deploy', 'fix', 'remediat']);

/** Whether token i sits in a noun phrase: a determiner at most three tokens before it, no verb or "to" between. */
function inNounPhrase(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k]!;
    if (DETERMINERS.has(t.lower)) return true;
    if (t.lower === 'to' || t.clauseStart || verbAt(tokens, k)) return false;
  }
  return false;
}
const LIGHT_VERBS = new Set(['conduct', 'perform', 'do', 'need', 'writ', 'prepar', 'complet', 'run', 'start']);
/** Subjects (and auxiliaries) before "plan to …" that make it an intention, not a plan deliverable. */
const INTENDING_SUBJECTS = new Set(['we', 'i', 'they', 'team', 'are', 'am', "we're", 'also', 'currently', 'now']);
// Strategy verbs that name thinking, not a feature someone uses (stems).
const COGNITIVE_VERBS = new Set(['understand', 'evaluat', 'assess', 'research', 'investigat', 'study']);
const CX_PLAN_SUBJECT = CUE_KINDS.indexOf('planSubject');

/**
 * Whether docs noun d is the second of two coordinated deliverables whose first is work ("the Helm chart and
 * documentation", "the required configuration and documentation", "code and docs"): the task delivers the work
 * and its docs, not a docs change (§3).
 */
function docsBesideWork(r: Reading, d: Hit): boolean {
  const { tokens } = r;
  let j = d.i - 1;
  if (j >= 0 && DETERMINERS.has(tokens[j]!.lower)) j--;
  if (j < 1 || (tokens[j]!.lower !== 'and' && tokens[j]!.lower !== '&') || tokens[d.i]!.clauseStart) return false;
  for (let k = j - 1; k >= Math.max(0, j - 4); k--) {
    if (WORK_NOUNS.has(tokens[k]!.stem)) return true;
    for (const h of r.areaHits) if (h.i === k && h.weight >= 1) return true;
    if (tokens[k]!.clauseStart) break;
  }
  return false;
}
/** Nouns naming code or configuration delivered beside its docs (stems). */
const WORK_NOUNS = new Set(['code', 'configuration', 'config', 'implementation', 'script', 'manifest', 'module', 'chart', 'test'].map(stem));

/**
 * A mapping of a standard's controls or requirements (ROUTING §3 strategy-only: "Identify which controls are
 * satisfied by GovCloud", "Map SOC 2 controls to our processes", "a control matrix"): "controls" or
 * "requirements" with a verb of mapping or identifying, or "which", before them in their clause, or
 * "matrix"/"mapping" right after. Only read when a compliance word is named (the caller checks).
 */
function controlMapping(r: Reading): Evidence | undefined {
  const { tokens, negated } = r;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.stem !== CONTROL_STEM && t.stem !== REQUIREMENT_STEM) || negated[i]) continue;
    if (stemInClauseBefore(tokens, i, 10, CONTROL_MAPPING_BEFORE) || stemInClauseAfter(tokens, i, 1, CONTROL_MAPPING_AFTER)) return ev(tokens, r.task, i, 1, 'strategy-only:control-mapping', 1);
  }
  return undefined;
}
/** Nouns and verbs (stems) of a control mapping (see controlMapping). */
const CONTROL_STEM = stem('controls');
const REQUIREMENT_STEM = stem('requirements');
const CONTROL_MAPPING_BEFORE = new Set(['map', 'mapping', 'identify', 'which', 'crosswalk'].map(stem));
const CONTROL_MAPPING_AFTER = new Set(['matrix', 'mapping', 'map', 'crosswalk'].map(stem));

const PLAN_STEM = stem('plan');
/** Words (stems) that make "plans" pricing plans. */
const PRICING_WORDS = new Set(['billing', 'pricing', 'subscription', 'paid', 'premium', 'tier', 'checkout', 'stripe', 'paddle', 'seat'].map(stem));

/** Verbs (stems) that carry a plan out. */
const EXECUTE_VERBS = new Set(['execute', 'carry', 'implement', 'follow', 'perform', 'enact'].map(stem));
/**
 * Whether strategy noun h is a plan the task carries out: "<plan> and <execute>" right after it, or an
 * executing verb up to six words before it in its clause ("carry out the migration and cutover plans").
 */
function executedPlan(tokens: readonly Token[], h: Hit): boolean {
  if (tokens[h.i + h.n]?.lower === 'and' && EXECUTE_VERBS.has(tokens[h.i + h.n + 1]?.stem ?? '')) return true;
  for (let k = h.i - 1; k >= Math.max(0, h.i - 6); k--) {
    if (EXECUTE_VERBS.has(tokens[k]!.stem)) return true;
    if (tokens[k]!.clauseStart) break;
  }
  return false;
}

/** The deliverable: first action verb, documentation deliverable, strategy evidence (ROUTING §3). */
export function readDeliverable(r: Reading): { docsHit: Hit | undefined; stratEv: Evidence[]; stratOnlyEv: Evidence[]; isStrategy: boolean } {
  const { task, tokens, negated, firstVerb } = r;

  // Documentation deliverable: a docs noun/verb and no stronger work verb before it (ROUTING §3).
  let docsHit: Hit | undefined;
  // Linear passes only: the earliest strong work verb, the earliest non-light work verb, and the
  // earliest verb that carries a policy out (for strategy-only deliverables below).
  let firstStrongWork = Infinity;
  let firstHeavyVerb = Infinity;
  let firstPolicyWork = Infinity;
  const implVerbs = hitsOf(r, CX_IMPL_VERB);
  for (const v of implVerbs) {
    const st = tokens[v.i]!.stem;
    if (v.i < firstStrongWork && STRONG_WORK.has(verbKey(tokens, v)) && !DOC_VERBS.has(st)) firstStrongWork = v.i;
    if (v.i < firstHeavyVerb && !LIGHT_VERBS.has(st)) firstHeavyVerb = v.i;
    if (v.i < firstPolicyWork && !negated[v.i] && POLICY_WORK_VERBS.has(st)) firstPolicyWork = v.i;
  }
  // The candidates are the docs nouns and a leading docs verb; the first in position order (docs
  // nouns first on a tie, as a stable sort of that list would give) counts when no strong work verb
  // comes before it. Only the earliest can pass that test, so one scan for it does.
  let firstDocs: Hit | undefined;
  // (A docs word inside a host name or code path, "docs.example.com", is a place, not a document.)
  for (const d of hitsOf(r, CX_DOCS_NOUN)) if ((!firstDocs || d.i < firstDocs.i) && !insideIdentifier(task, tokens[d.i]!.start, tokens[d.i + d.n - 1]!.end)) firstDocs = d;
  // A participle used as an adjective ("Documented migration from Heroku to K8s") describes the work
  // it qualifies; the work, not a document, is the deliverable.
  const docsParticiple = firstVerb !== undefined && firstVerb.n === 1 && tokens[firstVerb.i]!.lower.endsWith('ed') && firstVerb.i + 1 < tokens.length && !DETERMINERS.has(tokens[firstVerb.i + 1]!.lower);
  if (firstVerb && firstVerb.sense.t === 'cue' && firstVerb.sense.cue === 'docsVerb' && !docsParticiple && (!firstDocs || firstVerb.i < firstDocs.i)) firstDocs = firstVerb;
  // "Document and validate X": a docs verb coordinated with a work verb delivers the work too.
  const coWork = firstDocs !== undefined && firstDocs === firstVerb && tokens[firstDocs.i + firstDocs.n]?.lower === 'and'
    && firstDocs.i + firstDocs.n + 1 < tokens.length && verbAt(tokens, firstDocs.i + firstDocs.n + 1);
  if (firstDocs && firstStrongWork > firstDocs.i && !coWork && !docsBesideWork(r, firstDocs)) docsHit = firstDocs;

  // Strategy (ROUTING §3): a plan-like noun that is the deliverable, or a strategy verb leading the task.
  const stratEv: Evidence[] = [];
  const subjectPlan = r.cues[CX_PLAN_SUBJECT] !== undefined;
  // (Whether the text speaks of pricing: read at most once, and only for a "plan".)
  let pricing: boolean | undefined;
  const pricingWords = (): boolean => (pricing ??= stemIn(tokens, PRICING_WORDS));
  for (const h of hitsOf(r, CX_STRATEGY_NOUN)) {
    const next = tokens[h.i + h.n]?.lower;
    // Ambiguous nouns ("evaluation", "audit", "research") are the deliverable only when no work verb
    // other than a light one ("conduct", "need", "write") comes before them: "Add evaluation to the
    // training script" adds code.
    if (AMBIGUOUS_STRATEGY_NOUNS.has(tokens[h.i]!.stem) && firstHeavyVerb < h.i) continue;
    // ("The plan is to…", "plan to migrate": an intention. "Add the migration plan to the docs folder" delivers one.)
    if (subjectPlan && (next === 'is' || (next === 'to' && !DETERMINERS.has(tokens[h.i + h.n + 1]?.lower ?? '')))) continue;
    // "…surfaced by the audit": a strategy noun after the main work verb's object is not the deliverable.
    const prev = tokens[h.i - 1]?.lower;
    if (prev === 'by' || prev === 'from') continue;
    // After a modal it is a verb ("so they can plan and upgrade"), not a plan to deliver.
    if (prev !== undefined && MODALS.has(prev)) continue;
    // A markdown heading ("## Proposal", "## Plan") labels a section of the text, not the deliverable.
    if (markdownHeading(task, tokens[h.i]!.start)) continue;
    // "We plan to retire the Jenkins server", "we're planning to…": an intention, the work follows.
    if (next === 'to' && prev !== undefined && INTENDING_SUBJECTS.has(prev)) continue;
    // Part of a product or command name ("terraform plan", "design system") is not a deliverable.
    if (insideAreaName(r.areaHits, h)) continue;
    // "Billing (Stripe) + plans (Free / Pro / Team)": a pricing plan is something customers buy.
    if (h.n === 1 && tokens[h.i]!.stem === PLAN_STEM && pricingWords()) continue;
    // "Plan and execute the migration", "carry out the migration and cutover plans": a plan that the
    // task also carries out is not its deliverable; the execution is.
    if (executedPlan(tokens, h)) continue;
    stratEv.push(h.ev);
  }
  // In a user story the verb after "want to"/"able to" is a user capability, not a plan ("I want to define roles").
  // (The "as" test first: it settles most tasks without the word lookup.)
  // A purely cognitive verb ("I want to evaluate Argo CD", "I need to understand…") is not an app capability.
  const capability = firstVerb !== undefined && firstVerb.i >= 2 && ((tokens[0]!.lower === 'as' && !COGNITIVE_VERBS.has(tokens[firstVerb.i]!.stem)
    && CAPABILITY_LEADS.has(tokens[firstVerb.i - (tokens[firstVerb.i - 1]!.lower === 'to' ? 2 : 1)]!.lower))
    // So is the verb after "Ability to" ("Ability to select submission fields to export to csv").
    || (tokens[firstVerb.i - 1]!.lower === 'to' && ABILITY_NOUNS.has(tokens[firstVerb.i - 2]!.lower)));
  // A "verb" right after a determiner is a noun ("The plan is to migrate…").
  // Also a few words into a noun phrase ("a cohesive UI design"), and a participle used as an
  // adjective ("selected filters") is not the leading verb either.
  const asNoun = firstVerb !== undefined && (inNounPhrase(tokens, firstVerb.i) || (firstVerb.n === 1 && tokens[firstVerb.i]!.lower.endsWith('ed')) || insideAreaName(r.areaHits, firstVerb));
  // "…so they can plan an upgrade": a verb after a modal is what someone may do, not the deliverable.
  // "We plan to retire…" likewise states an intention: the work is the verb after "to".
  const afterModal = firstVerb !== undefined && firstVerb.i > 0 && (MODALS.has(tokens[firstVerb.i - 1]!.lower)
    || (INTENDING_SUBJECTS.has(tokens[firstVerb.i - 1]!.lower) && tokens[firstVerb.i + firstVerb.n]?.lower === 'to')
    // "…crashes when selecting large files": a verb in a temporal clause says when something happens.
    || TEMPORAL_CONJUNCTIONS.has(tokens[firstVerb.i - 1]!.lower))
    // ("Planning to move to host on our Kube cluster": the same intention with its subject left out.)
    || (firstVerb?.i === 0 && tokens[0]!.lower === 'planning' && tokens[1]?.lower === 'to' && !DETERMINERS.has(tokens[2]?.lower ?? ''));
  // (Not the verb before its object: "Plan the migration of the billing app" plans.)
  const pricingPlan = firstVerb !== undefined && tokens[firstVerb.i]!.stem === PLAN_STEM && !TITLE_DETERMINERS.has(tokens[firstVerb.i + 1]?.lower ?? '') && pricingWords();
  if (firstVerb && firstVerb.sense.t === 'cue' && firstVerb.sense.cue === 'strategyVerb' && !negated[firstVerb.i] && !capability && !asNoun && !afterModal && !pricingPlan && !executedPlan(tokens, firstVerb)) {
    const after = tokens[firstVerb.i + firstVerb.n];
    const coImpl = after?.lower === 'and' && implVerbs.some((v) => v.i === firstVerb!.i + firstVerb!.n + 1);
    const stem = tokens[firstVerb.i]!.stem;
    // "Consider X" is strategy only when X is an architectural choice.
    // "Consider X" / "Investigate X" is strategy only when X is an architectural choice ("Investigate
    // migration to Chargebee"), not a performance or bug investigation.
    // (A move between technologies or hosts right after it is such a choice: "Investigate moving to Heroku".)
    const considerOk = (stem !== 'consider' && stem !== 'investigat') || r.concernHits.some((h) => h.sense.t === 'concern' && h.sense.concern === 'architecture')
      || hitsOf(r, CX_MIGRATION_VERB).some((h) => h.i > firstVerb!.i && h.i <= firstVerb!.i + firstVerb!.n + 1);
    if (!coImpl && considerOk) stratEv.push(firstVerb.ev);
  }
  // A question ("Should we switch to gRPC?") asks for a decision: strategy.
  if (tokens.length > 0 && QUESTION_STARTS.has(tokens[0]!.lower) && task.trimEnd().endsWith('?')) stratEv.push(ev(tokens, task, 0, 1, 'strategy:question', 1));
  // "Implement the retention policy", "Harden X to the CIS Benchmark": a policy or standard that a
  // work verb carries out is the yardstick of the work, not the deliverable (ROUTING §3).
  const stratOnlyEv: Evidence[] = [];
  // (A policy word inside a longer area name, "network policies", "content security policy", is a
  // technical object, not a policy document.)
  // Nor is one a named technology's ("a Kyverno policy", "an OPA policy"): that tool's configuration.
  // A benchmark is a compliance yardstick ("FedRAMP Low and Moderate benchmarks") only beside a compliance
  // word; otherwise it measures performance ("Add benchmarks for serialization"), which is testing.
  const complianceNamed = r.concernHits.some((h) => h.sense.t === 'concern' && h.sense.concern === 'compliance');
  // (Nor part of a hyphenated name: the "Referrer-Policy" and "Permissions-Policy" headers.)
  for (const h of hitsOf(r, CX_STRATEGY_ONLY)) if (firstPolicyWork > h.i && !qualifierOfWork(tokens, h.i, firstVerb) && !insideAreaName(r.areaHits, h) && !toolPolicy(r.areaHits, tokens, h) && !goalOfWork(tokens, h.i, firstVerb) && !joinedCue(task, tokens, h)
    && (complianceNamed || !tokens[h.i]!.stem.startsWith('benchmark'))) stratOnlyEv.push(h.ev);
  if (complianceNamed) { const m = controlMapping(r); if (m) stratOnlyEv.push(m); }
  const isStrategy = stratEv.length > 0 || stratOnlyEv.length > 0;
  return { docsHit, stratEv, stratOnlyEv, isStrategy };
}

/** Whether the character at `at` stands on a markdown heading line ("## Proposal"). */
function markdownHeading(text: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && text.charCodeAt(p) !== 10) p--;
  let q = p + 1;
  while (q < at && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
  return text.charCodeAt(q) === 35; // #
}

/** Verbs (stems) of meeting a requirement, after "to": what the work is for ("… to meet compliance requirements"). */
const GOAL_VERBS = new Set(['meet', 'satisfy', 'fulfil', 'fulfill'].map(stem));
/**
 * Whether the phrase at token i stands in a "to meet/satisfy …" clause after the task's leading verb ("Add support for
 * SQL Server 2022 to Liquibase to meet governance and compliance requirements"): the goal of the work, not a policy or
 * compliance deliverable.
 */
function goalOfWork(tokens: readonly Token[], i: number, firstVerb: Hit | undefined): boolean {
  if (firstVerb === undefined) return false;
  for (let k = i - 1; k > firstVerb.i + 1; k--) {
    if (GOAL_VERBS.has(tokens[k]!.stem) && tokens[k - 1]!.lower === 'to') return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
}

/**
 * Whether the phrase at token i qualifies work named before it ("Set up nightly backups with a retention
 * policy", "… per the security policy"): "with/per/under/following/according to" within the three
 * tokens before it, in its clause, after the task's leading verb.
 */
function qualifierOfWork(tokens: readonly Token[], i: number, firstVerb: Hit | undefined): boolean {
  if (!firstVerb || firstVerb.i >= i) return false;
  for (let k = i - 1; k >= Math.max(firstVerb.i + 1, i - 3); k--) {
    if (QUALIFIER_PREPS.has(tokens[k]!.lower)) return true;
    if (tokens[k + 1]!.clauseStart) return false;
  }
  return false;
}
/** Nouns that make the verb after "<noun> to" something a user can do ("Ability to select …"). */
const ABILITY_NOUNS = new Set(['ability', 'possibility', 'option', 'able']);
