/**
 * Substantial or contained scope of one area's work (ROUTING §4 medium vs low): new components, integrations,
 * codebase-wide changes, capability titles, and the contained cues (fixes, symptoms, one setting) set against them.
 */
import {
  type AreaFinding, type Evidence, type ScopeSignal, TITLE_FIX_RULE, AUDIT_EVIDENCE_RULE,
} from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import {
  A_SUBJECT_HEAD, addSignal, ADOPT_RULE, anyVerb, AREA_BITS, AUDIT_STEM, AX_BACKEND, AX_FRONTEND, capitalised, cite,
  clauseIndex, countedReplicas, CX_CONTAINED, CX_IMPL_VERB, CX_MIGRATION_VERB, CX_NEGATION, DESTINATION_PREPS,
  DETERMINERS, ev, exactCaseName, flags, genericReplace, Hit, hitsOf, insideIdentifier, joinedCue, purposeOf,
  quotedTitleWord, type Reading, sameSentence, schemaMigration, servedBy, type SignalInput, stemIn, SUBORDINATORS,
  SYMPTOM_STEMS, TEST_SUBJECT_PREPS, titleOf, twoDistinctNames, UPGRADE_VERBS, verbKey, writtenAsName,
} from './reading';
import { C_LOGIN, C_PLACE, C_SUPPORT, EXISTING_STEM } from './wordClasses';

const BUILD_NEW = new Set(['build', 'creat', 'develop', 'implement', 'introduc', 'scaffold', 'design', 'writ', 'add', 'set up', 'setup', 'establish', 'provision', 'stand up', 'spin up']);
const COMPONENT_NOUNS = new Set(['servic', 'microservic', 'system', 'modul', 'platform', 'engin', 'framework', 'application', 'app', 'tool', 'librar', 'library', 'operator',
  'sdk', 'bot', 'portal', 'stor', 'warehous', 'lak', 'lakehous', 'gateway', 'backend', 'server', 'infrastructur', 'pipelin', 'plugin', 'extension', 'stack', 'environment', 'cluster', 'queu', 'scheduler']);
// Substantial-scope cues that only count in pairs (quantifiers and generic nouns).
const WEAK_SUBSTANTIAL = new Set(['refactor', 'all', 'every', 'system', 'entir', 'full', 'complet', 'support for', 'engin', 'platform', 'provider', 'external', 'whol', 'comprehensiv', 'modul', 'sync', 'offlin', 'threshold', 'coverag', 'lifecycl', 'workflow', 'codebas']);
// "Sign in with / via / using / through <provider>".
const LOGIN_PREPS = new Set(['with', 'via', 'using', 'through']);
/** Verbs asking for a description (stems): the object is what a guide or document says. */
const DESCRIBE_VERBS = new Set(['list', 'document', 'know', 'outlin', 'explain', 'describ', 'detail']);
/** What a guide lays out (stems). */
const GUIDE_NOUNS = new Set(['step', 'approach', 'process', 'procedur', 'instruction', 'checklist']);
const SLOT_NAMED = 2;
const CX_SUBSTANTIAL = CUE_KINDS.indexOf('substantial');
const CX_EXTERNAL_PROVIDER = CUE_KINDS.indexOf('externalProvider');
const EVIDENCE_STEM = stem('evidence');
/** Document nouns (stems) that an audit's documentation is written as. */
const AUDIT_DOCUMENTS = new Set(['documentation', 'docs', 'document', 'documents', 'package', 'artifacts', 'artefacts'].map(stem));
/**
 * Evidence of producing what a compliance audit asks for: the word "evidence", or a document noun in a text that
 * names an audit; or undefined.
 */
function auditEvidence(tokens: readonly Token[], task: string): Evidence | undefined {
  let audit = false;
  let doc = -1;
  for (let k = 0; k < tokens.length; k++) {
    const st = tokens[k]!.stem;
    if (st === EVIDENCE_STEM) return ev(tokens, task, k, 1, AUDIT_EVIDENCE_RULE, 1);
    if (st === AUDIT_STEM) audit = true;
    else if (doc < 0 && AUDIT_DOCUMENTS.has(st)) doc = k;
  }
  return audit && doc >= 0 ? ev(tokens, task, doc, 1, AUDIT_EVIDENCE_RULE, 1) : undefined;
}

/** A "strict mode" that is no type checker's ("Enable strict mode in the config parser"): one setting, not every file. */
function parserStrictMode(tokens: readonly Token[], h: Hit): boolean {
  if (tokens[h.i]!.lower !== 'strict') return false;
  for (const t of tokens) if (TYPE_CHECKERS.has(t.lower)) return false;
  return true;
}
/** Words naming a type checker or its configuration, whose strict mode applies to every file. */
const TYPE_CHECKERS = new Set(['typescript', 'ts', 'tsconfig', 'mypy', 'pyright', 'flow', 'tsc']);
/** First words of a title that improves what exists ("More robust backups"): no new capability. */
const IMPROVING_TITLE = new Set(['more', 'better', 'improved', 'faster', 'enhanced', 'cleaner', 'simpler', 'smaller']);
/** Whether hit h was set aside as a precedent or a symptom's reason: named, but not used by the work. */
function setAside(ignored: readonly Evidence[], h: Hit): boolean {
  for (const e of ignored) if (e.start === h.ev.start && e.end === h.ev.end && (e.rule.startsWith('precedent:') || e.rule.startsWith('symptom-reason:'))) return true;
  return false;
}

/** Whether hit h ends a noun phrase opened by "existing" ("our existing MLflow logging integration"): what is there already. */
function existingThing(tokens: readonly Token[], h: Hit): boolean {
  for (let k = h.i - 1; k >= Math.max(0, h.i - 4); k--) {
    if (tokens[k]!.stem === EXISTING_STEM) return true;
    if (tokens[k + 1]!.clauseStart || SUBORDINATORS.has(tokens[k]!.lower)) return false;
  }
  return false;
}

/** Whether hit h follows "support for" (a determiner may stand between). */
function supportFor(tokens: readonly Token[], h: Hit): boolean {
  let k = h.i - 1;
  if (k >= 0 && DETERMINERS.has(tokens[k]!.lower)) k--;
  // "Add support for Meilisearch", "Add support to Hetzner".
  if (k >= 1 && (tokens[k]!.lower === 'for' || tokens[k]!.lower === 'to') && tokens[k - 1]!.lower === 'support') return true;
  // "Add ScyllaDB support", "Implement EKS support": the name right before "support", which the opening verb adds.
  return tokens[h.i + h.n]?.lower === 'support' && h.i >= 1 && h.i <= 2 && SUPPORT_ADDING.has(tokens[0]!.stem);
}
/** Verbs (stems) that add support for something when they open the title. */
const SUPPORT_ADDING = new Set(['add', 'implement', 'introduce'].map(stem));
/** Nouns naming a file, which a technology's name before them only types ("a Terraform file"). */
const FILE_HEADS = new Set(['file', 'config', 'configuration', 'template', 'script', 'snippet'].map(stem));

/**
 * Whether the task asks for a description of a migration's steps: a describing verb ("list",
 * "document", "know", "outline", "explain") whose object, within six words in its sentence, is a
 * guide noun ("the steps", "the approach", "the process") that a migration word follows within
 * five ("List the steps to migrate the environment", "know the steps needed for me to migrate").
 */
function migrationGuide(tokens: readonly Token[], text: string, migrations: readonly Hit[]): boolean {
  if (migrations.length === 0) return false;
  for (let v = 0; v < tokens.length; v++) {
    if (!DESCRIBE_VERBS.has(tokens[v]!.stem)) continue;
    for (let g = v + 1; g < Math.min(tokens.length, v + 7); g++) {
      if (!GUIDE_NOUNS.has(tokens[g]!.stem)) continue;
      for (const m of migrations) if (m.i > g && m.i <= g + 5 && sameSentence(tokens, text, v, m.i)) return true;
    }
  }
  return false;
}

/**
 * Evidence for a sign-in through a named provider: a login word, then "with/via/using/through" within two
 * tokens, then a capitalised name, after a determiner at most ("log in with my Google account"), or undefined.
 */
function loginWithProvider(tokens: readonly Token[], text: string, negated: Uint8Array): Evidence | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const st = tokens[i]!.stem;
    const two = (st === 'log' || st === 'sign') && tokens[i + 1]?.lower === 'in';
    if (!(two || st === 'login' || st === 'signin' || st === 'authenticat') || negated[i]) continue;
    const from = i + (two ? 2 : 1);
    for (let k = from; k < Math.min(tokens.length, from + 2); k++) {
      if (!LOGIN_PREPS.has(tokens[k]!.lower)) continue;
      // The name comes first after the preposition, or after a determiner ("with my Google account").
      const j = k + 1 < tokens.length && DETERMINERS.has(tokens[k + 1]!.lower) ? k + 2 : k + 1;
      if (j >= tokens.length || tokens[j]!.clauseStart) break;
      if (capitalised(text, tokens[j]!)) return ev(tokens, text, i, j - i + 1, 'integration:external-provider:login-with-provider', 1);
      break;
    }
  }
  return undefined;
}

/** Whether hit h is the "set" of "set up". */
function setUp(tokens: readonly Token[], h: Hit): boolean {
  return tokens[h.i]!.lower === 'set' && tokens[h.i + 1]?.lower === 'up';
}

/** Verbs that, opening a task naming a technology, make it an integration of that technology (stems). */
const INTEGRATION_LEADS: ReadonlySet<string> = new Set(['implement', 'integrat', 'support', 'adopt', 'introduc']);

/**
 * Whether the title opens with an artifact and its subject ("End-to-end tests for the checkout flow",
 * "Grafana dashboards for the API"): a deliverable of one expert, not a capability on a roadmap.
 */
function artifactTitle(tokens: readonly Token[], keep: readonly Hit[]): boolean {
  for (const h of keep) {
    if (h.sense.t !== 'area') continue;
    if (h.i > 2) return false;
    if ((AREA_BITS[h.sense.ax]! & A_SUBJECT_HEAD) === 0 || h.weight < 1) continue;
    const nxt = h.i + h.n;
    const prep = (k: number): boolean => k < tokens.length && !tokens[k]!.clauseStart && TEST_SUBJECT_PREPS.has(tokens[k]!.lower);
    if (prep(nxt) || prep(nxt + 1)) return true;
  }
  return false;
}

/** Whether a title (tokens before `end`) names one operation by its noun ("baseline scan", "dependency audit"). */
function operationTitle(tokens: readonly Token[], end: number): boolean {
  for (let k = 0; k < end; k++) if (OPERATION_NOUNS.has(tokens[k]!.lower)) return true;
  return false;
}
/**
 * Whether a monitoring title names monitoring artifacts ("Grafana dashboard with SLA for each service", "SLO burn
 * rate", "Prometheus Metrics and Grafana Dashboards"): dashboards, panels, alerts and SLOs are made one by one,
 * unlike a stack or observability "across all services" (which other cues call substantial).
 */
function monitoringArtifactTitle(tokens: readonly Token[], areas: readonly AreaFinding[], end: number): boolean {
  if (areas.length !== 1 || areas[0]!.area !== 'observability') return false;
  for (let k = 0; k < end; k++) if (MONITORING_ARTIFACTS.has(tokens[k]!.stem)) return true;
  return false;
}
/** Stems of monitoring artifacts made one by one. */
const MONITORING_ARTIFACTS = new Set(['dashboard', 'dashboards', 'panel', 'panels', 'alert', 'alerts', 'slo', 'slos'].map(stem));
/** Nouns naming one operation (singular: "scans" and "audits" in a roadmap are a capability). */
const OPERATION_NOUNS = new Set(['scan', 'audit', 'upgrade', 'bump', 'cleanup', 'review', 'rotation']);

/** Substantial vs contained scope (ROUTING §4), appended to `signals` (its own pass: see analyzeTask). */
export function readScopeSize(r: Reading, x: SignalInput, signals: ScopeSignal[]): void {
  const { task, tokens, negated } = r;
  const { keep, concerns, firstVerb, docsHit, isStrategy, techClauses } = x;
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  // "Set up a pipeline" builds something; "set the timeout" is a setting change.
  const containedAll = hitsOf(r, CX_CONTAINED);
  let containedCues = containedAll;
  for (const h of containedAll) if (setUp(tokens, h)) { containedCues = containedAll.filter((x) => !setUp(tokens, x)); break; }
  // Substantial scope for one area: a new module/service, codebase-wide change, external integration, migration between technologies.
  // A cue word inside a longer area phrase is part of a name ("integration test", "full text search").
  const named = flags(SLOT_NAMED, tokens.length);
  // (Per token: the length of the multi-word area phrase over it, so a cue that is the whole phrase,
  // "blue/green", still counts.)
  // (A name with its abbreviation in parentheses, "Internationalization (i18n)", is two names for one
  // thing: each part is its own phrase, so "internationalization" there is still the cue.)
  for (const k of keep) {
    if (k.n <= 1) continue;
    let split = k.i + k.n;
    for (let j = k.i + 1; j < k.i + k.n; j++) if (task.charCodeAt(tokens[j]!.start - 1) === 40 /* ( */) { split = j; break; }
    for (let j = k.i; j < k.i + k.n; j++) named[j] = j < split ? split - k.i : k.i + k.n - split;
  }
  const subst: Evidence[] = [];
  // (Where the purpose clause starts: what the work is for is not its scope.)
  const purpose = purposeOf(r);
  const purposeAt = purpose < tokens.length ? tokens[purpose]!.start : task.length;
  // A text asking for the steps of a migration is a migration guide (§3, §4: rated by what it
  // delivers): the migration it describes, wherever the text names it, is not the work's scope.
  const guided = migrationGuide(tokens, task, hitsOf(r, CX_MIGRATION_VERB)) ? hitsOf(r, CX_MIGRATION_VERB) : undefined;
  const described = (start: number): boolean => guided !== undefined && guided.some((g) => tokens[g.i]!.start === start);
  for (const h of hitsOf(r, CX_SUBSTANTIAL)) {
    if (negated[h.i] || h.i >= purpose || described(tokens[h.i]!.start) || named[h.i]! > h.n || insideIdentifier(task, tokens[h.i]!.start, tokens[h.i + h.n - 1]!.end) || parserStrictMode(tokens, h) || genericReplace(task, tokens, h, clauseOf, techClauses, keep) || schemaMigration(tokens, h) || countedReplicas(tokens, h) || joinedCue(task, tokens, h) || quotedTitleWord(r, h) || ((r.classes & C_PLACE) !== 0 && existingThing(tokens, h))) continue;
    const key = h.n === 1 ? tokens[h.i]!.stem : `${tokens[h.i]!.stem} ${tokens[h.i + 1]!.stem}`;
    subst.push(WEAK_SUBSTANTIAL.has(key) ? cite(h.ev, h.ev.rule, 0.4) : h.ev);
  }
  // An architecture or compliance concern is substantial scope, unless it is only the aim ("…so that I
  // can plan migration timescales").
  // (Adopting a named technology for a role is a technology choice, not by itself a larger change: "Use Grafana
  // Loki for logging".)
  for (const c of concerns) if (c.concern !== 'product') for (const e of c.evidence) if (e.start < purposeAt && !described(e.start) && e.rule !== ADOPT_RULE) subst.push(e);
  // The evidence a compliance audit asks for ("Formal compliance evidence packs", dev-191; "Prepare all documentation
  // and controls required for HIPAA compliance audit"; "SOC 2 Type I audit documentation package") is a compliance
  // deliverable built across the system: substantial, even as a plan's output. A guide about compliance
  // ("Add SOC2 docs …") or arranging the audit itself ("Organise External Audit …", dev-285) is not.
  if (concerns.some((c) => c.concern === 'compliance')) {
    const evidence = auditEvidence(tokens, task);
    if (evidence) subst.push(evidence);
  }
  // A named technology: a name the catalogues list (whichever vocabulary decided its area).
  const techHits: Hit[] = [];
  // (A hand-listed word the catalogues list in exact case counts when written so: "Set up Jaeger and Grafana".)
  // (Not the parts of one package name, "terraform-aws-modules/eks": that names one thing.)
  // (Nor the kind of a file being written, "Create a Terraform file for ECS", nor a technology after "for",
  // which the work serves: "Set up GitHub Actions for AWS deployment", "a health check for Kubernetes probes".)
  for (const h of keep) if (h.sense.t === 'area' && !negated[h.i] && (h.sense.tech || (h.n === 1 && exactCaseName(tokens[h.i]!))) && !joinedCue(task, tokens, h) && !FILE_HEADS.has(tokens[h.i + h.n]?.stem ?? '') && !servedBy(tokens, h) && !(r.aside && setAside(r.ignored, h))) techHits.push(h);
  // Building a new component ("Build a notification service", "Create a data warehouse") is a new
  // service or module (§4 substantial): a building verb with a component noun later in its clause.
  for (const v of hitsOf(r, CX_IMPL_VERB)) {
    if (!BUILD_NEW.has(verbKey(tokens, v)) || negated[v.i]) continue;
    for (let k = v.i + v.n; k < Math.min(tokens.length, v.i + v.n + 7); k++) {
      if (tokens[k]!.clauseStart || SUBORDINATORS.has(tokens[k]!.lower)) break;
      if (COMPONENT_NOUNS.has(tokens[k]!.stem)) { subst.push(ev(tokens, task, v.i, k - v.i + 1, 'substantial:new-component', 1)); break; }
    }
    break;
  }
  // A data flow between a database and the pipeline's other end ("Export the database tables to
  // BigQuery") integrates two systems (§4), unless it is a fix.
  if (containedCues.length === 0 && !docsHit) {
    if (r.pipelineEnd) for (const e of r.ignored) if (e.rule.startsWith('pipeline-end:')) { subst.push(cite(e, `integration:data-flow:${e.rule}`)); break; }
  }
  // Two or more distinct named technologies in a change that is not a fix: an integration between systems.
  if (twoDistinctNames(techHits) && containedCues.length === 0 && !docsHit) for (let k = 0; k < 2; k++) subst.push(cite(techHits[k]!.ev, `integration:${techHits[k]!.ev.rule}`));
  if (techHits.length > 0 && firstVerb && INTEGRATION_LEADS.has(tokens[firstVerb.i]!.stem)) subst.push(firstVerb.ev, techHits[0]!.ev);
  // "Upgrade to Laravel 10", "Upgrade Django to the latest version": a new version of the application's own
  // framework touches code across the codebase (§4 codebase-wide), where a database or a cluster is upgraded in
  // place. The framework is a named backend or frontend technology in the verb's clause.
  // (A version must be named: "Update Settings pages background color" changes no framework.)
  else if (firstVerb && firstVerb.i === 0 && UPGRADE_VERBS.has(tokens[0]!.stem) && tokens[0]!.stem !== BUMP_STEM && containedCues.length === 0 && namesVersion(tokens, clauseOf)) {
    for (const h of keep) {
      if (h.sense.t !== 'area' || (h.sense.ax !== AX_BACKEND && h.sense.ax !== AX_FRONTEND) || negated[h.i] || clauseOf[h.i] !== clauseOf[0]) continue;
      if (writtenAsName(task, tokens, h)) { subst.push(cite(h.ev, `substantial:framework-upgrade:${h.ev.rule}`)); break; }
    }
  }
  // "Use GitLab CI instead of Jenkins": one named technology for another of its area (§4 substantial).
  // (Read only when a negation cue is "instead of": most texts have no negation hit at all.)
  else if (insteadOfCue(r)) {
    const pair = namedInstead(r, keep);
    if (pair) subst.push(cite(pair[0].ev, `substantial:instead-of:${pair[0].ev.rule}`), cite(pair[1].ev, `substantial:instead-of:${pair[1].ev.rule}`));
  }
  // "Move the Travis job to GitHub Actions": moving work from one technology to another of its area is a
  // migration between technologies (§4 substantial), as "from Travis to GitHub Actions" is.
  // (The verb opens the title: "Rename \"Moving from …\" …" moves nothing.)
  else if (firstVerb && tokens[firstVerb.i]!.stem === MOVE_STEM && (firstVerb.i === 0 || firstVerb.i === titleOf(r))) {
    const moved = movedBetween(r, keep, firstVerb.i);
    if (moved) subst.push(cite(moved[0].ev, `substantial:moved-between:${moved[0].ev.rule}`), cite(moved[1].ev, `substantial:moved-between:${moved[1].ev.rule}`));
  }
  // "Add support for the Meilisearch engine": supporting a named system is integrating it (§4).
  // (A name the catalogues miss counts when written with a capital in text not in Title Case: "Add support for Hetzner".)
  if ((r.classes & C_SUPPORT) !== 0) for (const h of keep) if (h.sense.t === 'area' && !negated[h.i] && supportFor(tokens, h) && writtenAsName(task, tokens, h)) { subst.push(cite(h.ev, `integration:support-for:${h.ev.rule}`)); break; }
  // A verbless title that names capabilities ("Booking & scheduling", "Full observability stack",
  // "iOS with offline and sync") is a roadmap item: a feature area to build, not a contained change.
  // Bug reports are verbless too, so any contained cue (crash, slow, error…) rules this out.
  // (Verbs in a purpose clause do not count: "Admission webhook to reduce user error" is such a title.)
  // (Both sweeps below run only when some token can start what they look for.)
  let containedBefore = 0;
  for (const h of containedCues) if (h.i < purpose) containedBefore++;
  let trailing = true; // the purpose clause ends the title ("As a partner, so that…, the team needs…" is no title)
  for (let k = purpose + 1; k < tokens.length && trailing; k++) if (tokens[k]!.clauseStart) trailing = false;
  // (Nor does a title naming one operation: "OWASP ZAP baseline scan against staging".)
  // (A negation in the title describes a symptom: "IndexView not keyboard navigable".)
  let negatedTitle = false;
  for (const h of hitsOf(r, CX_NEGATION)) if (h.i < purpose) negatedTitle = true;
  // (Nor a title that improves what exists: "More robust backup/restore workflows", "Better error messages".)
  if (!docsHit && !isStrategy && purpose <= 12 && trailing && x.finalAreas.length > 0 && containedBefore === 0 && !negatedTitle && !improvingTitle(r) && !anyVerb(tokens, purpose) && !artifactTitle(tokens, keep) && !operationTitle(tokens, purpose) && !monitoringArtifactTitle(tokens, x.finalAreas, purpose)) {
    subst.push(ev(tokens, task, 0, tokens.length, 'substantial:capability-title', 1));
  }
  // An external identity, payment or messaging provider: an integration with an external system (§4).
  // Not when it is only what a test or dashboard covers ("tests for the Stripe refund flow"), or where a
  // symptom shows ("… is returning 502s on Adyen callbacks").
  // (Nor in a bug report: "Stripe webhooks broken", "recent changes broke PayPal" name the provider that
  // the fix concerns, not one to integrate.)
  let provider = false;
  let symptom = false;
  for (const h of containedCues) if (!negated[h.i] && h.i < purpose && SYMPTOM_STEMS.has(tokens[h.i]!.stem)) symptom = true;
  // (Nor in a scenario that tells what happens today: 'When using "Make direct payment" the credit card number is sent
  // via POST request to the customers server'.)
  if (tokens[0]?.lower === 'when' && SCENARIO_OPENERS.has(tokens[1]?.lower ?? '')) symptom = true;
  if (!symptom) for (const h of hitsOf(r, CX_EXTERNAL_PROVIDER)) {
    if (negated[h.i] || coveredBySetAside(r, h)) continue;
    // (Nor a word inside a code identifier: "stripe_payment_intent_id" is a column.)
    if (insideIdentifier(task, h.ev.start, h.ev.end)) continue;
    subst.push(cite(h.ev, `integration:external-provider:${h.ev.rule}`));
    provider = true;
    break;
  }
  // Signing in through a named account provider ("sign in with my Google or GitHub account", "OAuth login
  // via Bitbucket") is an integration with an external identity provider (§4), whichever provider it is.
  if (!provider) {
    const login = (r.classes & C_LOGIN) === 0 ? undefined : loginWithProvider(tokens, task, negated);
    if (login) subst.push(login);
  }
  // A data pipeline moves data from one system into another: building or running one ("New Airflow DAG:
  // ingest Salesforce into Snowflake", "Set up automated model retraining") is an integration between
  // systems (§4 medium) when nothing else says how large it is. Adding to or changing a pipeline that
  // exists ("Add tasks to load from GCS", "improve airflow dag") is not, nor is any contained change.
  // (The labelled texts lean that way: single-area pipeline texts with no scope cue are medium 3 to 1 in the dev
  // set, 17 to 14 in the read probe halves. Weak cues, "support for", do not say how large it is.)
  if (containedCues.length === 0 && !docsHit && !isStrategy && x.finalAreas.length === 1 && x.finalAreas[0]!.area === 'data pipelines' && !modifyingOpening(r)) {
    let w = 0;
    for (const e of subst) w += e.weight;
    const e = x.finalAreas[0]!.evidence[0]!;
    if (w < 1) subst.push(cite(e, `integration:data-pipeline:${e.rule}`, 1));
  }
  if (r.accountFeature && !isStrategy) subst.push(r.accountFeature);
  // A documentation change is contained (§4) whatever it documents.
  // (A documentation deliverable's scope is its writing, except the documentation an audit asks for.)
  if (!(docsHit && !isStrategy)) addSignal(signals, 'substantial', subst);
  else addSignal(signals, 'substantial', subst.filter((e) => e.rule === AUDIT_EVIDENCE_RULE));
  const contained: Evidence[] = [];
  // A fix-word in the purpose ("Admission webhook to reduce user error", "checks to catch issues") is
  // what the work is for, not a sign that the work is a fix.
  // A title that opens with "Fix" (after its label, if any: "[Payments] Fix …") is a fix first, whatever else it
  // names: that cue counts twice (its rule says so).
  for (const h of containedCues) {
    if (negated[h.i] || named[h.i] !== 0 || h.i >= purpose) continue;
    if (h.n === 1 && tokens[h.i]!.stem === FIX_STEM && (h.i === 0 || h.i === titleOf(r))) contained.push(cite(h.ev, `${TITLE_FIX_RULE}${h.ev.rule}`));
    else contained.push(h.ev);
  }
  if (docsHit) contained.push(docsHit.ev);
  addSignal(signals, 'contained', contained);
}
/**
 * Whether the title improves what exists: it opens, after its label if any ("UI: better pagination"), with an
 * improving word, or it names improvements ("Query speed optimisations", "Accessibility enhancements").
 */
function improvingTitle(r: Reading): boolean {
  const { tokens } = r;
  if (tokens.length === 0) return false;
  if (IMPROVING_TITLE.has(tokens[0]!.lower) || IMPROVING_TITLE.has(tokens[titleOf(r)]?.lower ?? '')) return true;
  return stemIn(tokens, IMPROVEMENT_NOUNS);
}
const ADD_STEM = stem('add');
/** Opening verbs (stems) that add to or change something that exists ("Add tasks to…", "Export…", "improve…"). */
const MODIFYING_OPENERS = new Set(['add', 'improve', 'update', 'change', 'enable', 'export', 'tweak', 'adjust', 'extend', 'allow', 'fix'].map(stem));
/** Whether the title opens (after its label, if any) with a `MODIFYING_OPENERS` verb other than "add support for". */
function modifyingOpening(r: Reading): boolean {
  const { tokens } = r;
  const k = titleOf(r);
  if (k >= tokens.length || !MODIFYING_OPENERS.has(tokens[k]!.stem)) return false;
  return !(tokens[k]!.stem === ADD_STEM && tokens[k + 1]?.lower === 'support');
}
/** Nouns (stems) naming an improvement of something that exists. */
const IMPROVEMENT_NOUNS = new Set(['enhancement', 'enhancements', 'improvement', 'improvements', 'optimization', 'optimizations', 'optimisation', 'optimisations'].map(stem));
/**
 * Whether hit h lies inside a mention set aside as an artifact's subject, or (when some were) as a symptom's
 * reason or a precedent. A loop rather than `some` with a closure: it runs per provider hit.
 */
function coveredBySetAside(r: Reading, h: Hit): boolean {
  for (const e of r.ignored) {
    if (e.start > h.ev.start || h.ev.end > e.end) continue;
    if (e.rule.startsWith('artifact-subject:') || (r.aside && (e.rule.startsWith('symptom-reason:') || e.rule.startsWith('precedent:')))) return true;
  }
  return false;
}
/** Whether the first clause names a version: a number ("Laravel 10", "v3"), or "latest", "version", "major". */
function namesVersion(tokens: readonly Token[], clauseOf: Uint32Array): boolean {
  for (let k = 1; k < tokens.length && clauseOf[k] === clauseOf[0]; k++) {
    const w = tokens[k]!.lower;
    if (w === 'latest' || w === 'version' || w === 'major' || /^v?\d/.test(w)) return true;
  }
  return false;
}
/** Whether one of the negation cues is "instead of". */
function insteadOfCue(r: Reading): boolean {
  for (const h of hitsOf(r, CX_NEGATION)) if (r.tokens[h.i]!.lower === 'instead') return true;
  return false;
}
/**
 * "A instead of B": the area hits ending right before "instead" and starting right after "of" (or its
 * determiner), when both are of one area, differ, and each is written as a name (`writtenAsName`).
 */
function namedInstead(r: Reading, keep: readonly Hit[]): [Hit, Hit] | undefined {
  const { tokens, task, negated } = r;
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (tokens[k]!.raw !== 'instead') continue;
    let j = tokens[k + 1]!.lower === 'of' ? k + 2 : k + 1;
    if (DETERMINERS.has(tokens[j]?.lower ?? '')) j++;
    let a: Hit | undefined;
    let b: Hit | undefined;
    // ("instead of" negates what follows it, so B is read whether negated or not.)
    for (const h of keep) {
      if (h.sense.t !== 'area') continue;
      if (h.i + h.n === k && !negated[h.i]) a = h;
      else if (h.i === j) b = h;
    }
    // (Capitals tell here: "instead" itself is written in lowercase, which Title Case text would capitalise.)
    if (a && b && a.sense.ax === b.sense.ax && tokens[a.i]!.stem !== tokens[b.i]!.stem && writtenAsName(task, tokens, a, true) && writtenAsName(task, tokens, b, true)) return [a, b];
  }
  return undefined;
}
/** Stems compared against a token's stem by the readings above and the contained-cue loop. */
const MOVE_STEM = stem('move');
const FIX_STEM = stem('fix');
const BUMP_STEM = stem('bump');
/**
 * The two area hits of "move <A …> to <B>" in the verb's clause, when both are of one area, differ, and B
 * (right after "to", or after a determiner) is written as a name (`writtenAsName`).
 */
function movedBetween(r: Reading, keep: readonly Hit[], verb: number): [Hit, Hit] | undefined {
  const { tokens, task, negated } = r;
  let from: Hit | undefined;
  for (let k = verb + 1; k < Math.min(tokens.length, verb + 8); k++) {
    if (tokens[k]!.clauseStart) return undefined;
    const w = tokens[k]!.lower;
    if (!DESTINATION_PREPS.has(w)) {
      if (!from) for (const h of keep) if (h.i === k && h.sense.t === 'area' && !negated[h.i]) { from = h; break; }
      continue;
    }
    if (!from) return undefined;
    const at = DETERMINERS.has(tokens[k + 1]?.lower ?? '') ? k + 2 : k + 1;
    for (const h of keep) {
      if (h.i !== at || h.sense.t !== 'area' || h.sense.ax !== from.sense.ax || tokens[h.i]!.stem === tokens[from.i]!.stem) continue;
      if (writtenAsName(task, tokens, h)) return [from, h];
    }
    return undefined;
  }
  return undefined;
}

/** Words after an opening "When" that make the text a bug report's scenario ("When using …", "When I …"), not a feature's. */
const SCENARIO_OPENERS = new Set(['using', 'i']);
