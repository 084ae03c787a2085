/**
 * Task analysis (ROUTING §3-§4): `analyzeTask` reads one text in passes (lexicon hits, the deliverable, areas,
 * concerns, scope signals and live operations) and assembles the `Analysis`. Each pass has its own module; what
 * several passes share is in `reading.ts`.
 */
import type { Analysis, AreaFinding, Evidence, StrategyFinding } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, tokenizeScratch, type Token } from './tokenize';
import { readAreas } from './areaReading';
import { readConcerns } from './concernReading';
import { readDeliverable } from './deliverableReading';
import { findHits, hitClasses } from './hitFinding';
import {
  anyVerb, append, AUDIT_STEM, cite, CX_CERTIFICATION, CX_IMPL_VERB, CX_MULTI_REGION, CX_NEGATION, CX_STRATEGY_ONLY,
  CX_STRATEGY_VERB, ev, flags, Hit, hitsOf, inferArea, L2_AREAS, MODALS, NO_HITS, type Reading, sameSentence, stemIn,
  verbAt,
} from './reading';
import { C_CERT_ACTION, C_CERT_OBJECT, CERT_ACTION } from './wordClasses';
import { readSignals } from './signalReading';

// The current analysis's area and concern hits (see analyzeTask), reused like the hits themselves (hitFinding.ts).
const AREA_HITS: Hit[] = [];
const CONCERN_HITS: Hit[] = [];
const SLOT_NEGATED = 0;
const CX_DOCS_VERB = CUE_KINDS.indexOf('docsVerb');

/**
 * Analyses a task text: areas, L1 concerns, strategy, live operations and scope signals, each with
 * the evidence that produced it (ROUTING §3–§5). Pure and allocation-light: one tokenisation pass,
 * n-gram lookups in maps built at module load.
 *
 * The reading is split into passes (deliverable, areas, concerns, scope signals) sharing one
 * `Reading`: as one 300-line function V8 took ~1 s to optimise it on a busy core and ran it
 * unoptimised after every deoptimisation; small passes optimise, and re-optimise, in milliseconds.
 */
export function analyzeTask(task: string): Analysis {
  // Scratch tokens (reused by the next analysis): nothing returned below refers to a token.
  const tokens = tokenizeScratch(task);
  const hits = findHits(tokens, task);
  const ignored: Evidence[] = [];
  // One pass over the hits sorts them for the rule passes: cue hits by kind, in an array indexed
  // like CUE_KINDS (the sense carries its index); area and concern hits in position order; and the
  // first action verb (strategy/impl/docs verb), used for the deliverable kind.
  const cues: (Hit[] | undefined)[] = new Array(CUE_KINDS.length);
  const areaHits = AREA_HITS;
  const concernHits = CONCERN_HITS;
  let nArea = 0;
  let nConcern = 0;
  let firstVerb: Hit | undefined;
  for (const h of hits) {
    const s = h.sense;
    // "certification tests" check a component against a specification (conformance tests): no compliance certification.
    if (h.n === 1 && tokens[h.i]!.stem === CERTIFICATION_STEM && TEST_WORDS.has(tokens[h.i + 1]?.stem ?? '') && (s.t === 'concern' || (s.t === 'cue' && s.ix === CX_CERTIFICATION))) continue;
    if (s.t === 'cue') {
      cues[s.ix] = append(cues[s.ix], h);
      if ((s.ix === CX_STRATEGY_VERB || s.ix === CX_IMPL_VERB || s.ix === CX_DOCS_VERB) && (!firstVerb || h.i < firstVerb.i)) firstVerb = h;
    } else if (s.t === 'area') areaHits[nArea++] = h;
    else concernHits[nConcern++] = h;
  }
  if (areaHits.length > nArea) areaHits.length = nArea;
  if (concernHits.length > nConcern) concernHits.length = nConcern;

  // Negation scope: from a negation cue to the end of its clause, at most 6 tokens.
  const negated = flags(SLOT_NEGATED, tokens.length);
  for (const h of cues[CX_NEGATION] ?? NO_HITS) {
    if (describesState(tokens, h)) continue;
    for (let k = h.i + h.n; k < Math.min(tokens.length, h.i + h.n + 6); k++) {
      if (tokens[k]!.clauseStart || tokens[k]!.lower === 'but') break;
      // A new verb after the negated phrase starts what is asked for ("instead of social logins, offer SAML").
      if (k > h.i + h.n && verbAt(tokens, k)) break;
      negated[k] = 1;
    }
  }

  const r: Reading = { task, tokens, hits, cues, areaHits, concernHits, firstVerb, negated, ignored, classes: hitClasses, purpose: -1, aside: false, renaming: renamesQuoted(task, tokens), pipelineEnd: false, title: -1, codeSpans: task.includes('`'), contentStorage: false, accountFeature: undefined };
  const { docsHit, stratEv, stratOnlyEv, isStrategy } = readDeliverable(r);
  const { keep, areas, weakBest } = readAreas(r, docsHit, isStrategy);
  const { concernEv, concerns, techClauses, userFacing } = readConcerns(r, keep, areas, docsHit);
  // Only when no rule (the user-story feature inference included) found an area.
  if (areas.length === 0 && weakBest) areas.push(weakBest);
  // What a person sees ("Timezones west of GMT show wrong date", "nothing shows up in the column", "be able to see
  // all notes at once", "improve visualization") is the app's screens: frontend, when nothing else names an area.
  if (areas.length === 0 && !docsHit && !isStrategy) {
    const seen = displayWording(tokens, task);
    if (seen) areas.push({ area: 'frontend', score: 0.55, evidence: [seen] });
  }
  // A user-facing feature whose only area is backend also has its UI (the labelled reading of "allow
  // users to manage payment methods" and of product user stories): add frontend, marked inferred.
  // (Not when the backend work is signing in or being notified, "As a user I want to sign in with Google", "…
  // receive notifications when someone replies": the sign-in page or the message comes from a provider or an
  // email, not a screen of the app, unless the text names the app's screens or a mobile app (dev-153 and dev-188
  // against dev-334). Such a feature is still one for users to have: substantial scope of its one area.)
  if (userFacing && areas.length === 1 && areas[0]!.area === 'backend' && !docsHit) {
    if (areas[0]!.evidence.every((e) => ACCOUNT_OR_MESSAGE.test(e.phrase)) && !stemIn(tokens, UI_NAMES)) r.accountFeature = cite(userFacing, `substantial:account-feature:${userFacing.rule}`, 1);
    else {
      const e = cite(userFacing, `inferred:user-facing-feature:${userFacing.rule}`, 0.5);
      areas.push({ area: 'frontend', score: 0.55, evidence: [e] });
    }
  }

  // "Add support for Multi-Region", "Multi-Cloud Support for the Migration Assistant": the software
  // itself is made to support running across regions or clouds — its code (the generalist backend
  // expert at L3, §3) as well as the infrastructure, when no L3 area is named.
  if (!docsHit && !isStrategy && !areas.some((a) => !L2_AREAS.has(a.area))) {
    const sup = multiRegionSupport(r, areas);
    if (sup) inferArea(areas, 'backend', 0.55, sup);
  }

  const hasL2L3 = areas.length > 0;
  // Compliance work that names no technical area (a certification, a control review) is delivered at
  // L1/L2 like a strategy-only task: it has no L3 step (ROUTING §3, §5).
  // Achieving a certification, not mapping controls or writing policy for it (those are strategy-only, §3).
  // A certification is achieved by a task that sets out to achieve or implement it; research, readiness
  // evidence, agreements and audit preparation are strategy deliverables (§3) rated by what they deliver,
  // and documentation for it is a docs change ("Documentation for configuring X to be HIPAA compliant"; not
  // "close the gaps and document the boundary", where the achieving verb leads).
  const certAction = cues[CX_CERTIFICATION] !== undefined && (((r.classes & C_CERT_ACTION) !== 0 && (r.classes & C_CERT_OBJECT) !== 0
    && cues[CX_STRATEGY_ONLY] === undefined && stratEv.length === 0 && !docsBeforeCertAction(r.tokens, docsHit)) || certProgramme(r) || certAudit(r)
    || (cues[CX_STRATEGY_ONLY] === undefined && stratEv.length === 0 && docsHit === undefined && certTitle(r)));
  const complianceOnly = !hasL2L3 && concernEv.has('compliance') && certAction;
  if (complianceOnly && !isStrategy) stratOnlyEv.push(...concernEv.get('compliance')!);
  const strategyOnly = (isStrategy || complianceOnly) && (stratOnlyEv.length > 0 || !hasL2L3);
  const strategy: StrategyFinding = {
    kind: !isStrategy && !complianceOnly ? 'none' : strategyOnly ? 'strategy-only' : 'strategy',
    evidence: [...stratEv, ...stratOnlyEv],
  };
  const finalAreas: AreaFinding[] = strategyOnly ? [] : areas;
  if (strategyOnly) for (const a of areas) for (const e of a.evidence) ignored.push(cite(e, `strategy-only:${e.rule}`));

  const { signals, live } = readSignals(r, { keep, finalAreas, concerns, firstVerb, docsHit, isStrategy, strategyOnly, certAction, techClauses });

  return {
    task,
    areas: finalAreas,
    concerns,
    strategy,
    generalist: !strategyOnly && finalAreas.length === 0,
    liveOps: live,
    signals,
    ignored,
  };
}

/**
 * Whether a certification names a programme ("SOC 2 Type I/II program: pick vendor, file policies, begin observation
 * window"): the programme achieves it, its policies and vendor choice included (§4 high). Not a self-assessment or
 * readiness programme ("a PCI self-assessment program").
 */
function certProgramme(r: Reading): boolean {
  const { tokens } = r;
  for (const h of r.cues[CX_CERTIFICATION]!) {
    for (let k = h.i + h.n; k < Math.min(tokens.length, h.i + h.n + 4) && !tokens[k]!.clauseStart; k++) {
      const st = tokens[k]!.stem;
      if (PROGRAMME_NOUNS.has(st)) return !r.negated[h.i];
      if (PREPARATORY.has(st)) return false;
    }
  }
  return false;
}
const PROGRAMME_NOUNS = new Set(['program', 'programme'].map(stem));

/**
 * Whether the text is a title naming a certification and nothing to do for it ("SOC 2 - Type 2", "SOC 2 Type II
 * certification for control plane infrastructure"): a roadmap item for the certification itself, the programme
 * (§4 high). Not one whose first clause has a verb, or names preparation ("SOC 2 readiness checklist").
 */
function certTitle(r: Reading): boolean {
  const { tokens } = r;
  const first = r.cues[CX_CERTIFICATION]![0]!;
  if (first.i !== 0 || r.negated[0]) return false;
  let end = 1;
  while (end < tokens.length && !tokens[end]!.clauseStart) end++;
  for (let k = 0; k < end; k++) if (PREPARATORY.has(tokens[k]!.stem) || CERT_TITLE_NOT.has(tokens[k]!.stem)) return false;
  return !anyVerb(tokens, end);
}
/** Nouns after a certification's name that make the title about something else than achieving it. */
const CERT_TITLE_NOT = new Set(['compliant', 'checklist', 'template', 'evidence', 'document', 'documentation', 'guide', 'policy', 'policies', 'training', 'badge', 'report', 'scope', 'automation', 'link'].map(stem));

/**
 * Whether the task completes or passes the certification's audit ("SOC 2 Type II certification — complete audit
 * and publish report"): the audit is how it is achieved, not a strategy deliverable. Organising one "to prep for"
 * a certification is preparation (the dev labels read it so).
 */
function certAudit(r: Reading): boolean {
  const { tokens, negated } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (!AUDIT_PASSING.has(tokens[i]!.stem) || negated[i]) continue;
    // "Complete the audit", "Complete SOC 2 audit": the audit within four words, the standard's name between.
    for (let j = i + 1; j < tokens.length && j <= i + 4 && !tokens[j]!.clauseStart; j++) if (tokens[j]!.stem === AUDIT_STEM) return true;
    // "SOC 2 Type I assessment complete": the standard's audit or assessment, then the word that it is done.
    const before = tokens[i - 1]?.stem;
    if (i >= 2 && (before === AUDIT_STEM || before === ASSESSMENT_STEM) && !tokens[i]!.clauseStart && certCueBefore(r, i - 1)) return true;
  }
  return false;
}
/** Whether a certification cue (SOC 2, HIPAA, …) ends within the four tokens before token i, in its clause. */
function certCueBefore(r: Reading, i: number): boolean {
  for (const h of hitsOf(r, CX_CERTIFICATION)) {
    const end = h.i + h.n;
    if (end > i || end < i - 4) continue;
    let k = end;
    while (k <= i && !r.tokens[k]!.clauseStart) k++;
    if (k > i) return true;
  }
  return false;
}
const ASSESSMENT_STEM = stem('assessment');
const AUDIT_PASSING = new Set(['complete', 'pass', 'finish'].map(stem));
const PREPARATORY = new Set(['self', 'assessment', 'readiness', 'preparation', 'gap'].map(stem));

/**
 * Whether a negation describes how things are, not what to leave alone: after a form of "be" ("Images are
 * not lazy loaded"), a missing capability ("does not have any alerting", "doesn't support SAML"), or a
 * headline's state ("IndexView not keyboard navigable"). What is missing or broken is the work.
 */
function describesState(tokens: readonly Token[], h: Hit): boolean {
  const w = tokens[h.i]!.lower;
  const prev = h.i > 0 ? tokens[h.i - 1]!.lower : '';
  const next = tokens[h.i + h.n]?.lower ?? '';
  if ((w === 'not' && STATE_COPULAS.has(prev)) || NEGATED_COPULAS.has(w)) return true;
  if ((w === 'not' && DO_FORMS.has(prev)) || w === "doesn't" || w === "don't") return HAVE_VERBS.has(next);
  // "X not keyboard navigable", "Y not configurable": an -able adjective right after, no verb before.
  if (w === 'not' && !DO_FORMS.has(prev) && !MODALS.has(prev)) for (let k = h.i + 1; k <= Math.min(tokens.length - 1, h.i + 2); k++) if (/(?:able|ible)$/.test(tokens[k]!.lower)) return true;
  return false;
}
/** Words around a negation that make it describe a state (see describesState). */
const STATE_COPULAS = new Set(['is', 'are', 'was', 'were', 'been', 'being']);
const NEGATED_COPULAS = new Set(["isn't", "aren't", "wasn't", "weren't"]);
const DO_FORMS = new Set(['do', 'does', 'did']);
const HAVE_VERBS = new Set(['have', 'support', 'provide', 'offer', 'expose', 'allow', 'include', 'contain', 'show', 'display', 'emit', 'export', 'handle', 'work']);

/** Whether a docs deliverable comes before every verb of achieving a certification (the task documents it). */
function docsBeforeCertAction(tokens: readonly Token[], docsHit: Hit | undefined): boolean {
  if (docsHit === undefined) return false;
  for (let i = 0; i < docsHit.i; i++) if (CERT_ACTION.has(tokens[i]!.stem)) return false;
  return true;
}

/**
 * Evidence of "support" (the noun or verb, not "supported") within four words of a multi-region cue or
 * a "multi-cloud" mention in the same sentence, or undefined.
 */
function multiRegionSupport(r: Reading, areas: readonly AreaFinding[]): Evidence | undefined {
  const { tokens, task, negated } = r;
  const at: number[] = [];
  for (const m of hitsOf(r, CX_MULTI_REGION)) if (!negated[m.i]) at.push(m.i);
  const infra = areas.find((a) => a.area === 'infrastructure/cloud');
  // (Infrastructure work beyond the regions or clouds themselves, "via Terraform modules", is the support.)
  if (infra && infra.evidence.some((e) => !/multi|region|cloud/i.test(e.phrase))) return undefined;
  if (infra) for (const e of infra.evidence) if (/^multi[- ]?cloud$/i.test(e.phrase)) at.push(tokens.findIndex((t) => t.start === e.start));
  for (const i of at) {
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!.lower;
      if ((w !== 'support' && w !== 'supports' && w !== 'supporting') || negated[k]) continue;
      if (Math.abs(k - i) <= 4 && sameSentence(tokens, task, k, i)) return ev(tokens, task, k, 1, 'inferred:multi-region-support', 0.5);
    }
  }
  return undefined;
}

/** Whether the text opens by rewording something and quotes it ('Rename "X" to "Y"'). */
function renamesQuoted(text: string, tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || !RENAME_VERBS.has(tokens[0]!.stem)) return false;
  return text.includes('"') || text.includes('\u201c');
}
const RENAME_VERBS = new Set(['rename', 'retitle', 'reword', 'relabel'].map(stem));
const SHOW_STEM = stem('show');
const SEE_STEM = stem('see');
/** Words after "show(s)" that make it a display symptom ("shows up", "show wrong date"). */
const SHOWN_WRONG = new Set(['up', 'wrong', 'incorrect', 'incorrectly', 'blank', 'empty', 'nothing', 'duplicate', 'duplicated', 'twice', 'old', 'stale']);
/** Words (stems) of rendering data for a person to look at. */
const VISUALIZE = new Set(['visualization', 'visualisation', 'visualize', 'visualise', 'visualizing', 'visualising'].map(stem));
/**
 * Evidence of wording about what a person sees on screen: a display symptom ("shows up", "show(s) wrong …"),
 * a person being able to see something ("would like to be able to see …"), or visualization; or undefined.
 * ("I would love to see HIPAA compliance" wishes; "Show how to use …" explains: neither is a screen.)
 */
function displayWording(tokens: readonly Token[], task: string): Evidence | undefined {
  for (let k = 0; k < tokens.length; k++) {
    const st = tokens[k]!.stem;
    if (VISUALIZE.has(st)) return ev(tokens, task, k, 1, 'inferred:display', 0.5);
    if (st === SHOW_STEM && k > 0 && SHOWN_WRONG.has(tokens[k + 1]?.lower ?? '')) return ev(tokens, task, k, 2, 'inferred:display', 0.5);
    if (st === SEE_STEM && k >= 3 && tokens[k - 1]!.lower === 'to' && tokens[k - 2]!.lower === 'able') return ev(tokens, task, k - 2, 3, 'inferred:display', 0.5);
  }
  return undefined;
}

/** Backend phrases of signing in or being notified, whose user side is a provider's page or a message. */
const ACCOUNT_OR_MESSAGE = /^(log ?in|login|logins|sign[- ]?in|sign[- ]?on|password|passwords|totp|2fa|two-factor|mfa|oauth2?|sso|single sign-on|notifications?|email|e-mail|emails|sms|push notifications?)$/i;
/** Stems of an app's screens and of mobile apps. */
const UI_NAMES = new Set(['mobile', 'ios', 'android', 'screen', 'page', 'button', 'form', 'ui', 'dashboard', 'biometric', 'biometrics'].map(stem));

const CERTIFICATION_STEM = stem('certification');
/** Nouns (stems) of tests that make "certification" before them a conformance check. */
const TEST_WORDS = new Set(['test', 'tests', 'suite', 'testing'].map(stem));
