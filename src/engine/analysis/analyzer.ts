import {
  AREA_IDS,
  type Analysis,
  type AreaFinding,
  type AreaId,
  type ConcernFinding,
  type ConcernId,
  type Evidence,
  type LiveOpsFinding,
  type ScopeSignal,
  type ScopeSignalKind,
  type StrategyFinding,
  TITLE_FIX_RULE,
  AUDIT_EVIDENCE_RULE,
} from './analysisTypes';
import { CUE_KINDS, CUE_VOCABULARY } from './cueVocabulary';
import { EXACT_CASE_NAMES, LOWER_TRIE, MAX_PHRASE_TOKENS, respelledSenses, SPELLING_NAMES, STEM_TRIE, type LexEntry, type Sense } from './lexicon';
import { SPELLING_STOPLIST } from './generated/spellingStoplist';
import { MIN_SPELLING_LENGTH, SpellingIndex } from './spelling';
import { internalAudience } from './internalAudience';
import { saturation } from './saturation';
import { stem, tokenizeScratch, type Token, type WordForm } from './tokenize';
import { NO_NODE, type WordTrie } from './wordTrie';

/**
 * One lexicon hit: token range, the sense it carries, and its evidence (built on first use: most
 * hits are never cited). Hit objects are reused by the next analysis (see `findHits`), so `set`
 * is their constructor; nothing an analysis returns refers to a hit. The tokens and text a hit
 * indexes are the current analysis's (`hitTokens`, `hitText`): every hit of an analysis shares
 * them, so they are set once per analysis rather than stored in each hit.
 */
class Hit {
  private evCache: Evidence | undefined = undefined;
  i = 0;
  n = 0;
  sense!: Sense;
  set(i: number, n: number, sense: Sense): this {
    this.evCache = undefined;
    this.i = i;
    this.n = n;
    this.sense = sense;
    return this;
  }
  /** Weight of the hit's evidence: its sense's (an area phrase's weight; 1 for cues, concerns and exact-case names). */
  get weight(): number {
    return this.sense.weight;
  }
  get ev(): Evidence {
    return (this.evCache ??= ev(hitTokens, hitText, this.i, this.n, this.sense.rule, this.sense.weight));
  }
}

/** L2/L3 areas that are L2 (ROUTING §3). */
export const L2_AREAS: ReadonlySet<AreaId> = new Set<AreaId>(['CI/CD', 'infrastructure/cloud', 'security', 'data pipelines']);

// Verbs whose presence before a docs noun means the task delivers more than documentation.
const STRONG_WORK = new Set(['implement', 'build', 'deploy', 'migrat', 'integrat', 'develop', 'refactor', 'configur', 'set up', 'setup', 'provision', 'scal',
  'enabl', 'instrument', 'automat', 'install', 'rewrit', 'port', 'convert', 'replac', 'mov', 'run', 'design', 'creat', 'add', 'support']);
// Generic verbs that do not turn a docs change into code work.
const DOC_VERBS = new Set(['fix', 'updat', 'add', 'improv', 'writ', 'creat', 'expand', 'clarify', 'correct', 'document', 'need', 'provid', 'review']);
// Roles whose user stories are technical, not product framing (ROUTING §6: judge by meaning).
const TECH_ROLES = new Set(['devop', 'sysop', 'sre', 'developer', 'platform', 'maintainer', 'operator', 'architect', 'contributor', 'dev']);
// Verbs of achieving a certification (§4 high), as opposed to researching, preparing or documenting for it.
const CERT_ACTION = new Set(['achieve', 'obtain', 'complete', 'attain', 'pass', 'be', 'become', 'maintain', 'ensure', 'get', 'apply', 'implement', 'pursue', 'seek', 'earn', 'gain', 'secure', 'renew', 'close', 'remediate'].map(stem));
// Certification work needs an object that is the certification or its controls/compliance (an authority to
// operate names the authorisation itself).
const CERT_OBJECT = new Set(['certification', 'certified', 'compliance', 'compliant', 'control', 'type', 'regulation', 'requirement', 'gap', 'authority'].map(stem));
/** Managed Kubernetes services: a cluster, also listed as cloud infrastructure. */
const MANAGED_CLUSTER = /^(eks|gke|aks|openshift)( cluster)?$/i;
/** Cloud provider names that may name a managed cluster's provider ("AWS EKS", "Azure AKS"). */
const CLOUD_PROVIDERS = /^(aws|amazon|azure|microsoft|gcp|google|alibaba|digitalocean)$/;
const KUBE_TARGETS = new Set(['kubernet', 'k8', 'k8s', 'eks', 'gke', 'ak', 'aks', 'openshift', 'k3s', 'kubectl', 'helm', 'cronjob', 'cluster', 'pod']);
const MODIFIER_SUFFIXES = new Set(['relevant', 'conscious', 'related', 'aware', 'sensitive', 'minded', 'critical', 'focused', 'oriented', 'friendly', 'like', 'agnostic']);
// (Infrastructure too: "an S3 bucket for the staging frontend", "Terraform for RDS" build the resource.)
const SUBJECT_HEADS: ReadonlySet<AreaId> = new Set<AreaId>(['testing', 'observability', 'containers/kubernetes', 'CI/CD', 'security', 'infrastructure/cloud']);
// SUBJECT_HEADS and L2_AREAS as bits per area index (a hit's sense carries its area's index).
const A_SUBJECT_HEAD = 1;
const A_L2 = 2;
const AREA_BITS = Uint8Array.from(AREA_IDS, (a) => (SUBJECT_HEADS.has(a) ? A_SUBJECT_HEAD : 0) | (L2_AREAS.has(a) ? A_L2 : 0));
/** Index of CI/CD in AREA_IDS (the release-automation rule below promotes its weak words). */
const AX_CICD = AREA_IDS.indexOf('CI/CD');
const AX_K8S = AREA_IDS.indexOf('containers/kubernetes');
const AX_INFRA = AREA_IDS.indexOf('infrastructure/cloud');
const AX_DATABASE = AREA_IDS.indexOf('database');
const AX_DATA = AREA_IDS.indexOf('data pipelines');
const AX_OBS = AREA_IDS.indexOf('observability');
/** Key-value stores that serve as a job broker or a cache as often as a database. */
const KEY_VALUE_STORES = new Set(['redis', 'valkey', 'keydb', 'dragonflydb']);
/** Words (stems) of a broker or cache use: job queues and workers, caching, sessions. */
const BROKER_USE = new Set(['queue', 'broker', 'celery', 'sidekiq', 'rq', 'bullmq', 'resque', 'job', 'worker', 'cache', 'caching', 'session', 'pubsub', 'rabbitmq', 'limiter', 'throttling', 'ratelimit'].map(stem));
/** Search engines: backend by default, a data store when operated as one (see readAreas). */
const SEARCH_ENGINES = new Set(['elasticsearch', 'opensearch', 'solr', 'meilisearch', 'typesense']);
const AX_BACKEND = AREA_IDS.indexOf('backend');
const AX_TESTING = AREA_IDS.indexOf('testing');
const AX_SECURITY = AREA_IDS.indexOf('security');
/** Whether hit h names a search engine ("Elasticsearch", "elastic search"), read from its tokens (no evidence built). */
function searchEngine(tokens: readonly Token[], h: Hit): boolean {
  if (h.n === 1) return SEARCH_ENGINES.has(tokens[h.i]!.lower);
  return h.n === 2 && tokens[h.i]!.lower === 'elastic' && tokens[h.i + 1]!.lower === 'search';
}
/** Verbs (stems) that operate a data store rather than use it. */
const STORE_OPERATIONS = new Set(['upgrad', 'scal', 'backup', 'back', 'restor', 'replicat', 'shard', 'reindex', 'tun', 'resiz', 'snapshot', 'migrat']);
/** Managed container services listed under both containers/kubernetes and infrastructure/cloud. */
const MANAGED_SERVICE = /^(eks|gke|aks|ecs|fargate)$/i;
const BUILD_NEW = new Set(['build', 'creat', 'develop', 'implement', 'introduc', 'scaffold', 'design', 'writ', 'add', 'set up', 'setup', 'establish', 'provision', 'stand up', 'spin up']);
const COMPONENT_NOUNS = new Set(['servic', 'microservic', 'system', 'modul', 'platform', 'engin', 'framework', 'application', 'app', 'tool', 'librar', 'library', 'operator',
  'sdk', 'bot', 'portal', 'stor', 'warehous', 'lak', 'lakehous', 'gateway', 'backend', 'server', 'infrastructur', 'pipelin', 'plugin', 'extension', 'stack', 'environment', 'cluster', 'queu', 'scheduler']);
/** Words that open a subordinate clause or purpose: what follows is not the built object ("alerting to know when pipelines are down"). */
const SUBORDINATORS = new Set(['to', 'when', 'so', 'that', 'because', 'if', 'which', 'while', 'whenever', 'where',
  // the built object's noun phrase ends at a preposition ("dashboard for the history service")
  'for', 'of', 'on', 'in', 'with', 'from', 'into', 'via', 'using', 'across', 'at']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'this', 'that', 'their', 'my', 'your', 'its', 'each', 'every']);
const QUESTION_STARTS = new Set(['should', 'shall', 'which', 'whether']);
/** Words before a user story's verb ("I want to…", "able to…") that make the verb a user capability. */
const CAPABILITY_LEADS = new Set(['want', 'able', 'can', 'should', 'need']);
/** Words (stems) that make a migration's sentence about tooling for it, not the migration itself (§4 not extreme). */
const MIGRATION_TOOLING = new Set(['script', 'tool', 'automat', 'utility', 'cli', 'assistant', 'skill', 'wizard', 'helper', 'mechanism', 'scenario', 'modul']);
const CAPABILITY_VERBS = new Set(['add', 'edit', 'delet', 'creat', 'view', 'manag', 'book', 'schedul', 'upload', 'download', 'pay', 'search', 'filter',
  'invit', 'shar', 'export', 'import', 'track', 'sav', 'submit', 'comment', 'rat', 'review', 'order', 'purchas', 'regist', 'register', 'subscrib', 'cancel', 'reserv',
  'see', 'brows', 'configur', 'customiz', 'customis', 'personaliz', 'personalis']);
const REPLACE_STEMS = new Set(['replac', 'swap']);
const TEST_SUBJECT_PREPS = new Set(['for', 'of', 'on', 'in', 'covering', 'around', 'about', 'that', 'which']);
const AMBIGUOUS_STRATEGY_NOUNS = new Set(['evaluation', 'comparison', 'assessment', 'decision', 'research', 'audit', 'experiment', 'prototyp', 'strategy', 'blueprint']);
/** Verbs that carry a policy or standard out (stems): the policy is then a constraint, not the deliverable. */
const POLICY_WORK_VERBS = new Set(['implement', 'enforc', 'apply', 'harden', 'configur', 'enabl', 'integrat', 'automat', 'deploy', 'fix', 'remediat']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']);
/** Modals of what a purpose clause enables ("so QA can reproduce it"), not of obligation. */
const ENABLING_MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might']);
/**
 * Stems of verbs a task title may be built on: every verb cue plus common English verbs and
 * auxiliaries. A title with none of them is a noun phrase (a roadmap item or a bug report).
 */
const ANY_VERB_STEMS: ReadonlySet<string> = new Set([
  ...CUE_VOCABULARY.implVerb, ...CUE_VOCABULARY.strategyVerb, ...CUE_VOCABULARY.docsVerb, ...CUE_VOCABULARY.liveVerb, ...CUE_VOCABULARY.liveSoftVerb,
  'is', 'are', 'be', 'was', 'were', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'need', 'want', 'should', 'can', 'could', 'will', 'would', 'must', 'may',
  'include', 'increase', 'decrease', 'raise', 'lower', 'export', 'import', 'monitor', 'ensure', 'prepare', 'address', 'repurpose', 'push', 'pull', 'trigger',
  'let', 'get', 'keep', 'show', 'hide', 'bring', 'leverage', 'achieve', 'expand', 'extend', 'write', 'test', 'check', 'verify', 'validate', 'limit', 'restrict',
  'drop', 'stop', 'avoid', 'prevent', 'retrieve', 'fetch', 'sync', 'log', 'send', 'receive', 'render', 'rename', 'merge', 'simplify', 'clean', 'review',
  'audit', 'organise', 'organize', 'conduct', 'perform', 'rehearse', 'execute', 'pursue', 'finish', 'complete', 'continue', 'start', 'begin', 'deprecate',
  'release', 'tag', 'sign', 'require', 'prefer', 'accept', 'reject', 'return', 'open', 'close', 'reopen', 'load', 'save', 'print', 'read', 'list', 'find',
  'crash', 'crashes', 'fail', 'break', 'hang', 'throw', 'cause', 'lead', 'look', 'work', 'happen', 'seem', 'display', 'go', 'become', 'take', 'give',
  'restore', 'backup', 'clone', 'copy', 'enhance', 'revise', 'rework', 'revamp', 'standardise', 'standardize', 'unify', 'streamline', 'investigate', 'debug',
  'benchmark', 'profile', 'measure', 'detect', 'notify', 'alert', 'block', 'deny', 'disallow', 'forbid', 'protect', 'pin', 'bump', 'tweak', 'tune',
  'offer', 'please', 'translate', 'localise', 'localize', 'route', 'redirect', 'serve', 'expose', 'handle', 'sort', 'paginate', 'split', 'combine',
  'group', 'remove', 'delete', 'move', 'make', 'improve', 'reduce', 'allow', 'speed', 'optimise', 'optimize', 'encrypt', 'decrypt', 'compress',
  'upload', 'download', 'schedule', 'retry', 'cache', 'store', 'host', 'rate', 'throttle',
].map((v) => stem(v.split(' ')[0]!)));
/** Verb stems that are as often nouns ("log", "sync", "release"): read as a verb only when they open the title. */
const NOUN_TOO_STEMS: ReadonlySet<string> = new Set([
  'log', 'list', 'backup', 'profile', 'benchmark', 'alert', 'release', 'tag', 'test', 'audit', 'review', 'sync', 'work', 'display', 'support', 'update',
  'use', 'build', 'track', 'scale', 'design', 'plan', 'research', 'experiment', 'prototype', 'import', 'export', 'monitor', 'crash', 'break', 'look',
  'copy', 'clone', 'load', 'print', 'return', 'block', 'pin', 'bump', 'tweak', 'document', 'cache', 'store', 'host', 'patch', 'change', 'push', 'pull',
  'trigger', 'limit', 'drop', 'start', 'show', 'deploy', 'upgrade', 'fix', 'setup', 'rollback', 'rollout', 'install', 'run', 'ship', 'launch',
  'route', 'group', 'sort', 'schedule', 'upload', 'download', 'retry', 'speed', 'rate', 'throttle',
  'cutover', 'teardown', 'shutdown', 'restore', 'scan', 'move', 'port', 'switch', 'split', 'map', 'study', 'draft', 'outline', 'select', 'pick', 'record',
].map(stem));
/** Verbs that take a running component out of service (stems), and the components (stems) they take out. */
const DECOMMISSION_VERBS: ReadonlySet<string> = new Set(['sunset', 'decommission', 'decomission', 'retir', 'tombston', 'remov', 'shut', 'tear', 'turn', 'deprecat']);
const RUNNING_COMPONENTS: ReadonlySet<string> = new Set(['servic', 'app', 'application', 'server', 'instanc', 'cluster', 'databas', 'vm', 'environment', 'deployment', 'host']);
/** Conjunctions opening a temporal clause ("when deploying the site"). */
const TEMPORAL_CONJUNCTIONS: ReadonlySet<string> = new Set(['when', 'while', 'after', 'before', 'during', 'whenever', 'until', 'once']);

/** Verbs that run or switch on a security scan, and what they run (stems). */
const SCAN_ACTIVATION: ReadonlySet<string> = new Set(['enabl', 'turn', 'run', 'conduct', 'perform', 'coordinat', 'schedul', 'execut', 'activat']);
const SCAN_NOUNS: ReadonlySet<string> = new Set(['scan', 'scanner', 'pentest', 'penetration', 'pen', 'analysis', 'dast', 'sast']);

/** Automation cues that make an operation run by itself (per pull request, on merge, on a schedule), as stems. */
const AUTOMATION_TRIGGERS: ReadonlySet<string> = new Set(['automat', 'automatically', 'cron', 'per pull', 'per pr', 'on merg', 'when merg', 'pipelin', 'ci', 'workflow', 'script', 'github action']);

/** Whether the word at [start, end) is joined to a snake_case name by an underscore. */
function snakeCasePart(text: string, start: number, end: number): boolean {
  return text.charCodeAt(end) === 95 || (start > 0 && text.charCodeAt(start - 1) === 95);
}
/**
 * Whether text[start, end) is only part of a host name ("test" in "test.pypi.org", "gitlab" in
 * "gitlab.com") or of a code path ("Api" in "Api::V1::PlantsController#index"): a place is named,
 * not the area's work. Dotted names that match whole ("node.js",
 * "socket.io") are kept.
 */
function insideIdentifier(text: string, start: number, end: number): boolean {
  // (Character codes, not one-character strings: this runs for every area hit.)
  const after = text.charCodeAt(end); // NaN past the end
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // A code path ("Api::V1::PlantsController#index") names where, like a host name.
  if ((after === 58 && text.charCodeAt(end + 1) === 58) || (before === 58 && start > 1 && text.charCodeAt(start - 2) === 58)) return true; // "::"
  if (after === 35 && /\w/.test(text[end + 1] ?? '')) return true; // "#index"
  // A snake_case name ("TMDB_API_KEY", "next_webapp") is one identifier: a variable, a folder.
  if ((after === 95 && /[A-Za-z0-9]/.test(text[end + 1] ?? '')) || (before === 95 && start > 1 && /[A-Za-z0-9]/.test(text[start - 2]!))) return true;
  if (after !== 46 && before !== 46) return false; // no "." beside the word
  // A dotted name with an underscore in it is code ("orders.created_at"), not a product ("Node.js").
  if (after === 46 && /^[A-Za-z0-9]*_/.test(text.slice(end + 1, end + 40))) return true;
  if (before === 46 && /_[A-Za-z0-9]*$/.test(text.slice(Math.max(0, start - 40), start - 1))) return true;
  let a = start;
  let b = end;
  while (a > 0 && HOST_CHAR.test(text[a - 1]!)) a--;
  while (b < text.length && HOST_CHAR.test(text[b]!)) b++;
  while (b > end && text[b - 1] === '.') b--; // a sentence's full stop is not part of the name
  return (a < start || b > end) && HOST_NAME.test(text.slice(a, b));
}
const HOST_CHAR = /[A-Za-z0-9.-]/;
const HOST_NAME = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|io|dev|gov|edu|co|app|cloud|ai|uk|de|eu|ca|au|us|info|sh)$/i;

/** Whether a token whose stem is in `stems` stands among the `n` tokens before token i, in i's clause. */
function stemInClauseBefore(tokens: readonly Token[], i: number, n: number, stems: ReadonlySet<string>): boolean {
  for (let k = i - 1; k >= Math.max(0, i - n) && !tokens[k + 1]!.clauseStart; k--) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}
/** Whether a token whose stem is in `stems` stands among the `n` tokens after token i, in i's clause. */
function stemInClauseAfter(tokens: readonly Token[], i: number, n: number, stems: ReadonlySet<string>): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + n + 1) && !tokens[k]!.clauseStart; k++) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}
/** Whether some token's stem is in `stems`. */
function stemIn(tokens: readonly Token[], stems: ReadonlySet<string>): boolean {
  for (const t of tokens) if (stems.has(t.stem)) return true;
  return false;
}

/** Whether token i sits in a noun phrase: a determiner at most three tokens before it, no verb or "to" between. */
function inNounPhrase(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k]!;
    if (DETERMINERS.has(t.lower)) return true;
    if (t.lower === 'to' || t.clauseStart || verbAt(tokens, k)) return false;
  }
  return false;
}

/** Whether a cue hit lies inside a longer area phrase ("plan" in "terraform plan", "design" in "design system"). */
function insideAreaName(areaHits: readonly Hit[], h: { i: number; n: number }): boolean {
  for (const a of areaHits) if (a.n > h.n && a.i <= h.i && h.i + h.n <= a.i + a.n) return true;
  return false;
}

/** Whether hit h lies inside a longer area phrase of an area other than CI/CD and infrastructure/cloud. */
function insideOtherName(areaHits: readonly Hit[], h: { i: number; n: number }): boolean {
  for (const a of areaHits) if (a.n > h.n && a.i <= h.i && h.i + h.n <= a.i + a.n && a.sense.ax !== AX_CICD && a.sense.ax !== AX_INFRA) return true;
  return false;
}

/** End (exclusive) of the requester's role in a user story ("As a <role>, I…"), or 0 when there is none. */
function requesterRoleEnd(tokens: readonly Token[], text: string): number {
  // "As a/an/the <role>" or "As <Team Name>"; not "as part of", "as soon as", "as of".
  if (tokens.length < 3 || tokens[0]!.lower !== 'as') return 0;
  const second = tokens[1]!;
  if (!DETERMINERS.has(second.lower) && !capitalised(text, second)) return 0;
  for (let k = 1; k < Math.min(tokens.length, 7); k++) {
    const w = tokens[k]!.lower;
    if (tokens[k]!.clauseStart || w === 'i' || w === 'we' || w === 'want' || w === 'need' || w === 'can' || w === 'would' || w === 'should') return k;
  }
  return 0;
}

/** A verb cue's key in the verb sets: its stem, or both stems of a two-word verb ("set up", "stand up"). */
function verbKey(tokens: readonly Token[], h: { i: number; n: number }): string {
  return h.n > 1 ? `${tokens[h.i]!.stem} ${tokens[h.i + 1]!.stem}` : tokens[h.i]!.stem;
}

/** Whether token i of a task reads as a verb (see ANY_VERB_STEMS, NOUN_TOO_STEMS). */
function verbAt(tokens: readonly Token[], i: number): boolean {
  const c = wordClasses(tokens[i]!);
  if ((c & C_ANY_VERB) === 0) return false;
  if ((c & C_NOUN_TOO) === 0) return true;
  // A noun-or-verb word opens the title as a verb, unless "for"/"of" follows it: "Support for custom domains".
  const next = tokens[i + 1]?.lower;
  // (Nor when a comma follows it: "Monitoring, Logging, and Observability Stack" lists nouns. `hitText` is the
  // text under analysis, set by findHits before any reading runs.)
  // (A gerund is the activity itself: "Updating for GovCloud compatibility".)
  return i === 0 && ((next !== 'for' && next !== 'of') || tokens[i]!.lower.endsWith('ing')) && hitText.charCodeAt(tokens[i]!.end) !== 44 /* , */;
}
const LIGHT_VERBS = new Set(['conduct', 'perform', 'do', 'need', 'writ', 'prepar', 'complet', 'run', 'start']);
// "test" followed by a determiner is the verb ("test the migration"), not a test to write.
const VERB_FOLLOWERS = new Set(['the', 'a', 'an', 'if', 'whether', 'that', 'our', 'this', 'it', 'its', 'how', 'out', 'with', 'against', 'on', 'for']);
// Substantial-scope cues that only count in pairs (quantifiers and generic nouns).
const WEAK_SUBSTANTIAL = new Set(['refactor', 'all', 'every', 'system', 'entir', 'full', 'complet', 'support for', 'engin', 'platform', 'provider', 'external', 'whol', 'comprehensiv', 'modul', 'sync', 'offlin', 'threshold', 'coverag', 'lifecycl', 'workflow', 'codebas']);
const BUILD_VERBS = new Set(['deploy', 'build', 'launch', 'establish', 'creat', 'stand up', 'develop', 'set up', 'setup', 'implement', 'rollout', 'roll out', 'ship']);

// Per-token scratch arrays, reused across calls: typed-array allocation is costly next to the rest
// of a ~60-token analysis, and analyzeTask is synchronous, so one set of buffers serves every call.
// Each use clears the first n entries it reads.
const scratch8: Uint8Array[] = [];
let scratch32 = new Uint32Array(64);
/** Zeroed per-token flags (slots 0..5 are distinct buffers live at the same time). */
function flags(slot: number, n: number): Uint8Array {
  let b = scratch8[slot];
  if (!b || b.length < n) {
    b = new Uint8Array(Math.max(64, n * 2));
    scratch8[slot] = b;
  } else b.fill(0, 0, n);
  return b;
}
function clauseIndex(n: number): Uint32Array {
  if (scratch32.length < n) scratch32 = new Uint32Array(n * 2);
  return scratch32;
}
const NO_HITS: readonly Hit[] = [];
// The current analysis's area and concern hits (see analyzeTask), reused like HITS.
const AREA_HITS: Hit[] = [];
const CONCERN_HITS: Hit[] = [];

/**
 * `list` with `item` appended, or a new list of `item`. A list started as `[item]` is exact-size,
 * while `[]` then push reserves 16 slots: most evidence lists keep one or two items, and the
 * area and concern lists live on in every cached plan.
 */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}
// Publishing a built artifact is release automation, CI/CD work (ROUTING §3): "Automate Helm chart
// publishing", "Push releases to Docker Hub". Stems.
const PUBLISH_WORDS = new Set(['publish', 'push', 'releas']);
// Automating a deployment or build is the same release automation: "Automate deployment using Terraform".
const AUTOMATE_WORDS = new Set(['automat', 'automatic', 'automatically', 'automation']);
const DELIVERY_WORDS = new Set(['deploy', 'deployment', 'build', 'releas', 'publish', 'ship']);
const ARTIFACT_WORDS = new Set(['imag', 'chart', 'packag', 'artifact', 'binary', 'ami', 'amis', 'wheel', 'releas', 'registry', 'hub', 'ghcr', 'ecr', 'pypi', 'npm']);
// Verbs that state what the work is for ("to reduce user error", "reducing the burden"). Stems.
const PURPOSE_VERBS = new Set(['reduc', 'prevent', 'avoid', 'catch', 'detect', 'minimis', 'minimiz', 'eliminat', 'protect', 'mitigat', 'lower', 'guard']);
// A schema migration's change and object ("migration to add the status column"). Stems.
const SCHEMA_CHANGE_VERBS = new Set(['add', 'remov', 'renam', 'drop', 'chang', 'alter', 'backfill', 'creat', 'mak']);
const SCHEMA_OBJECTS = new Set(['column', 'field', 'index', 'tabl', 'constraint', 'attribut', 'foreign', 'default']);
const SCHEMA_STEM = stem('schemas');
/** Verbs (stems) that run schema migrations already written. */
const RUN_MIGRATION_VERBS = new Set(['apply', 'run', 'execute', 'rerun'].map(stem));
// Prepositions that attach a policy or standard to the work as its yardstick ("with a retention policy").
const QUALIFIER_PREPS = new Set(['with', 'per', 'under', 'following', 'according']);
// "Sign in with / via / using / through <provider>".
const LOGIN_PREPS = new Set(['with', 'via', 'using', 'through']);
// Words a sign-in phrase starts with (stems: "log in", "sign in", "login", "signin", "authenticate").
const LOGIN_WORDS = new Set(['log', 'sign', 'login', 'signin', 'authenticat']);
/** Verbs asking for a description (stems): the object is what a guide or document says. */
const DESCRIBE_VERBS = new Set(['list', 'document', 'know', 'outlin', 'explain', 'describ', 'detail']);
/** What a guide lays out (stems). */
const GUIDE_NOUNS = new Set(['step', 'approach', 'process', 'procedur', 'instruction', 'checklist']);
/** Observability verbs (stems) whose object is the observed system. */
const OBSERVE_VERBS = new Set(['instrument', 'monitor']);
/** Words ending a verb's object phrase. */
const OBJECT_ENDS = new Set(['with', 'using', 'via', 'through', 'to', 'for', 'in', 'on', 'by', 'and', 'so', 'that', 'from']);
/** Subjects (and auxiliaries) before "plan to …" that make it an intention, not a plan deliverable. */
const INTENDING_SUBJECTS = new Set(['we', 'i', 'they', 'team', 'are', 'am', "we're", 'also', 'currently', 'now']);
// Strategy verbs that name thinking, not a feature someone uses (stems).
const COGNITIVE_VERBS = new Set(['understand', 'evaluat', 'assess', 'research', 'investigat', 'study']);
// First words of the user-facing patterns below ("allow users", "let each customer", "users can").
const USER_START = new Set(['allow', 'let', 'enabl', 'user', 'customer', 'ability', 'abl']);

// Word classes tested over every token of a text, as bits memoised on the interned word form: a
// sweep then reads a field of an object the tokenizer just touched instead of probing a Set per token.
const C_CAPABILITY = 1;
const C_CERT_ACTION = 2;
const C_CERT_OBJECT = 4;
const C_MIGRATION_TOOLING = 8;
const C_KUBE = 16;
const C_USER_START = 32;
const C_DECOMMISSION = 64;
const C_RUNNING = 128;
const C_SCAN_ACT = 256;
const C_SCAN_NOUN = 512;
const C_ANY_VERB = 1024;
const C_NOUN_TOO = 2048;
const C_PUBLISH = 4096;
const C_ARTIFACT = 8192;
const C_AUTOMATE = 16384;
const C_DELIVERY = 32768;
const C_PURPOSE = 65536;
const C_LOGIN = 131072;
const C_BROKER_USE = 262144;
const C_EXAMPLE = 524288;
const C_OBSERVE = 1048576;
const C_NAME_HEAD = 2097152;
const C_NONPROD = 4194304;
const C_PLACE = 8388608;
const C_TEAM = 16777216;
const C_UI_OR_REPORT = 33554432;
const C_DB_WORK = 67108864;
const C_SPLIT = 134217728;
const C_SETUP = 268435456;
const C_PRECEDENT = 536870912;
// (The last bit that keeps the class union a positive 31-bit integer.)
const C_SUPPORT = 1073741824;
/** Words (stems) naming an environment that is not production. */
const NONPROD_ENVIRONMENTS = new Set(['staging', 'stage', 'dev', 'development', 'test', 'testing', 'sandbox', 'preview', 'qa', 'uat', 'demo', 'pilot'].map(stem));
const NO_FLAGS = new Uint8Array(0);
const LIKE_STEM = stem('like');
const EXISTING_STEM = stem('existing');
function wordClasses(t: Token): number {
  const f = t.form;
  if (f.classes < 0) {
    const st = f.stem;
    f.classes = (CAPABILITY_VERBS.has(st) ? C_CAPABILITY : 0) | (CERT_ACTION.has(st) ? C_CERT_ACTION : 0) | (CERT_OBJECT.has(st) ? C_CERT_OBJECT : 0)
      | (MIGRATION_TOOLING.has(st) ? C_MIGRATION_TOOLING : 0) | (KUBE_TARGETS.has(st) ? C_KUBE : 0) | (USER_START.has(st) ? C_USER_START : 0)
      | (DECOMMISSION_VERBS.has(st) ? C_DECOMMISSION : 0) | (RUNNING_COMPONENTS.has(st) ? C_RUNNING : 0) | (SCAN_ACTIVATION.has(st) ? C_SCAN_ACT : 0)
      | (SCAN_NOUNS.has(st) ? C_SCAN_NOUN : 0) | (ANY_VERB_STEMS.has(st) ? C_ANY_VERB : 0) | (NOUN_TOO_STEMS.has(st) ? C_NOUN_TOO : 0)
      | (PUBLISH_WORDS.has(st) ? C_PUBLISH : 0) | (ARTIFACT_WORDS.has(st) ? C_ARTIFACT : 0)
      | (AUTOMATE_WORDS.has(st) ? C_AUTOMATE : 0) | (DELIVERY_WORDS.has(st) ? C_DELIVERY : 0)
      | (PURPOSE_VERBS.has(st) || st === 'so' || st === 'order' ? C_PURPOSE : 0) | (LOGIN_WORDS.has(st) ? C_LOGIN : 0)
      | (BROKER_USE.has(st) ? C_BROKER_USE : 0) | (st === LIKE_STEM || st === 'such' ? C_EXAMPLE : 0)
      | (OBSERVE_VERBS.has(st) ? C_OBSERVE : 0) | (NAME_HEADS.has(st) ? C_NAME_HEAD : 0) | (NONPROD_ENVIRONMENTS.has(st) ? C_NONPROD : 0)
      | (st === EXISTING_STEM || st === 'ci' || HOST_PLACES.has(st) || CONFIG_WORDS.has(st) || ADDRESS_HEADS.has(t.lower) ? C_PLACE : 0) | (TEAM_WORDS.has(t.lower) ? C_TEAM : 0)
      | (UI_ELEMENTS.has(t.lower) || ACTOR_FOLLOWERS.has(t.lower) ? C_UI_OR_REPORT : 0) | (DB_WORK.has(st) ? C_DB_WORK : 0)
      | (SPLIT_VERBS.has(st) ? C_SPLIT : 0) | (SETUP_LEADS.has(t.lower) ? C_SETUP : 0) | (PRECEDENT_LEADS.has(t.lower) ? C_PRECEDENT : 0) | (t.lower === 'support' ? C_SUPPORT : 0);
  }
  return f.classes;
}
/**
 * Evidence for the first un-negated verb of class `verbCls` whose object — a word of class `objCls`
 * within the next five tokens of its clause — follows it ("sunset the legacy reporting service"), or
 * undefined.
 */
function verbWithObject(tokens: readonly Token[], task: string, negated: Uint8Array, verbCls: number, objCls: number, rule: string): Evidence | undefined {
  for (let i = nextWithClass(tokens, verbCls, 0, tokens.length); i >= 0; i = nextWithClass(tokens, verbCls, i + 1, tokens.length)) {
    if (negated[i]) continue;
    for (let k = i + 1; k < Math.min(tokens.length, i + 6) && !tokens[k]!.clauseStart; k++) {
      if ((wordClasses(tokens[k]!) & objCls) !== 0) return ev(tokens, task, i, k - i + 1, rule, 1);
    }
  }
  return undefined;
}

/** First token index from `from` whose word classes include `cls`, or -1. */
function nextWithClass(tokens: readonly Token[], cls: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if ((wordClasses(tokens[k]!) & cls) !== 0) return k;
  return -1;
}
// Per-area scratch (see `flags`): score and "named strongly", cleared by each analysis.
const AREA_SCORE = new Float64Array(AREA_IDS.length);
const AREA_STRONG = new Uint8Array(AREA_IDS.length);
const SLOT_NEGATED = 0;
const SLOT_SUBJECT = 1;
const SLOT_NAMED = 2;
const SLOT_AREA_AT = 5;
const SLOT_TECH_CLAUSE = 4; // indexed by clause number (clauses never outnumber tokens)

function ev(tokens: readonly Token[], text: string, i: number, n: number, rule: string, weight: number): Evidence {
  const start = tokens[i]!.start;
  const end = tokens[i + n - 1]!.end;
  return { phrase: text.slice(start, end), start, end, rule, weight };
}

/**
 * `e` cited by another rule: the same phrase and span under `rule` (and `weight`). A literal with
 * the fields in `ev`'s order rather than `{ ...e, rule }`: spread copies got hidden classes of their
 * own, so every later read of evidence saw several shapes. The JSON key order is the same.
 */
function cite(e: Evidence, rule: string, weight: number = e.weight): Evidence {
  return { phrase: e.phrase, start: e.start, end: e.end, rule, weight };
}

/** The hits of one cue kind (an index from the CX_ constants below), or none. */
function hitsOf(r: { readonly cues: readonly (Hit[] | undefined)[] }, ix: number): readonly Hit[] {
  return r.cues[ix] ?? NO_HITS;
}
// Indexes of the cue kinds the rules read (constants rather than a keyed lookup per read).
const CX_NEGATION = CUE_KINDS.indexOf('negation');
const CX_IMPL_VERB = CUE_KINDS.indexOf('implVerb');
const CX_DOCS_NOUN = CUE_KINDS.indexOf('docsNoun');
const CX_DOCS_VERB = CUE_KINDS.indexOf('docsVerb');
const CX_STRATEGY_VERB = CUE_KINDS.indexOf('strategyVerb');
const CX_STRATEGY_NOUN = CUE_KINDS.indexOf('strategyNoun');
const CX_STRATEGY_ONLY = CUE_KINDS.indexOf('strategyOnly');
/** Cue kinds naming a strategy or documentation deliverable. */
const DELIVERABLE_CUES = [CX_STRATEGY_NOUN, CX_STRATEGY_ONLY, CX_DOCS_NOUN];
const CX_PLAN_SUBJECT = CUE_KINDS.indexOf('planSubject');
const CX_CERTIFICATION = CUE_KINDS.indexOf('certification');
const CX_MIGRATION_VERB = CUE_KINDS.indexOf('migrationVerb');
const CX_HOSTING_OBJECT = CUE_KINDS.indexOf('hostingObject');
const CX_DB_ENGINE = CUE_KINDS.indexOf('dbEngine');
const CX_MONOLITH_SPLIT = CUE_KINDS.indexOf('monolithSplit');
const CX_MULTI_REGION = CUE_KINDS.indexOf('multiRegion');
const CX_HARD_CONSTRAINT = CUE_KINDS.indexOf('hardConstraint');
const CX_WHOLE_SYSTEM = CUE_KINDS.indexOf('wholeSystem');
const CX_PRODUCTION = CUE_KINDS.indexOf('production');
const CX_LIVE_VERB = CUE_KINDS.indexOf('liveVerb');
const CX_LIVE_SOFT_VERB = CUE_KINDS.indexOf('liveSoftVerb');
const CX_LIVE_TARGET = CUE_KINDS.indexOf('liveTarget');
const CX_AUTOMATION = CUE_KINDS.indexOf('automation');
const CX_SUBSTANTIAL = CUE_KINDS.indexOf('substantial');
const CX_CONTAINED = CUE_KINDS.indexOf('contained');
const CX_EXTERNAL_PROVIDER = CUE_KINDS.indexOf('externalProvider');

/** The evidence of each hit (a fresh exact-size array: evidence lists live on in cached plans). */
function evidenceOf(hits: readonly Hit[]): Evidence[] {
  return hits.map(evOfHit);
}
const evOfHit = (h: Hit): Evidence => h.ev;

// The hits of the current analysis, reused (array and Hit objects) by the next one, like its
// tokens: a 60-word text makes ~40 hits, ~3.4 KB of young garbage per plan otherwise.
const HITS: Hit[] = [];
let hitTokens: readonly Token[] = [];
let hitText = '';

/** Appends (or overwrites in place) hit number `count` of the current analysis. */
function addHit(count: number, i: number, n: number, s: Sense): void {
  if (count < HITS.length) HITS[count]!.set(i, n, s);
  else HITS.push(new Hit().set(i, n, s));
}

// The trie ids of a word form, looked up on first use and memoised on the interned form (like
// `wordClasses`): most tokens then cost no string-keyed lookup at all.
function stemRoot(f: WordForm): number {
  if (f.stemRoot < 0) f.stemRoot = STEM_TRIE.root(f.stem);
  return f.stemRoot;
}
function lowerRoot(f: WordForm): number {
  if (f.lowerRoot < 0) f.lowerRoot = LOWER_TRIE.root(f.lower);
  return f.lowerRoot;
}
function stemCont(f: WordForm): number {
  if (f.stemCont < 0) f.stemCont = STEM_TRIE.contId(f.stem);
  return f.stemCont;
}
function lowerCont(f: WordForm): number {
  if (f.lowerCont < 0) f.lowerCont = LOWER_TRIE.contId(f.lower);
  return f.lowerCont;
}

/**
 * Finds every lexicon hit (all lengths 1..4 at every token, walking two tries), honouring
 * exact-case entries. The array and its hits are valid until the next call (see `HITS`).
 */
function findHits(tokens: readonly Token[], text: string): readonly Hit[] {
  hitTokens = tokens;
  hitText = text;
  let count = 0;
  const nTok = tokens.length;
  titleCase = -1; // read on the first exact-case candidate, if any: most texts have none
  // The same sweep takes the union of the word classes and numbers the clauses (see `hitClasses`).
  let classes = 0;
  const clauseOf = clauseIndex(nTok);
  for (let i = 0, clause = 0; i < nTok; i++) {
    const t = tokens[i]!;
    if (i > 0 && t.clauseStart) clause++;
    clauseOf[i] = clause;
    classes |= wordClasses(t);
    const form = t.form;
    // The stem trie, then the lowercase trie (the hit order the rule passes were written against).
    const s0 = stemRoot(form);
    if (s0 !== NO_NODE) count = walk(STEM_TRIE, tokens, i, s0, false, count);
    const l0 = lowerRoot(form);
    if (l0 !== NO_NODE) count = walk(LOWER_TRIE, tokens, i, l0, true, count);
    else if (s0 === NO_NODE && form.len >= MIN_SPELLING_LENGTH) count = respelledHits(tokens, i, text, count);
  }
  if (HITS.length > count) HITS.length = count;
  hitClasses = classes;
  return HITS;
}

/**
 * The union of the word classes of the current analysis's tokens (C_* bits), taken by `findHits`
 * in its sweep over the tokens; the clause number of each token is left in the `clauseIndex`
 * scratch array the same way. (Each separate sweep over ~60 tokens cost more than its arithmetic.)
 */
let hitClasses = 0;

/** Adds the hits of the phrases of `trie` that start at token i (level-one node `node`); returns the new hit count. */
function walk(trie: WordTrie<LexEntry>, tokens: readonly Token[], i: number, node: number, lower: boolean, count: number): number {
  const end = Math.min(tokens.length, i + MAX_PHRASE_TOKENS);
  for (let j = i; ; ) {
    const e = trie.entry(node);
    if (e) {
      const n = j - i + 1;
      for (const s of e.senses) addHit(count++, i, n, s);
      // In Title Case text ("Add Accordion To Settings Page") capitals prove nothing, as at a clause start.
      if (e.exactCase && e.exactCase.length === n && !tokens[i]!.clauseStart && caseTells(tokens)) {
        let same = true;
        for (let k = 0; k < n; k++) if (tokens[i + k]!.raw !== e.exactCase[k]) same = false;
        // (Exact-case senses are catalogue names, made with weight 1.)
        if (same) for (const s of e.caseSenses) addHit(count++, i, n, s);
      }
    }
    if (++j >= end || !trie.branchesAt(node)) return count;
    // A word that continues no phrase at all (id 0) needs no edge lookup.
    const f = tokens[j]!.form;
    const id = lower ? lowerCont(f) : stemCont(f);
    if (id === 0) return count;
    node = trie.child(node, id);
    if (node === NO_NODE) return count;
  }
}

/**
 * Whether an unknown word is written as a name: an inner capital ("PostreSQL"), or a capital first
 * letter where capitals tell (not at a clause start, not in Title Case text: "configure Prometeus").
 */
function nameLike(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  const c = text.charCodeAt(t.start);
  if (c < 65 || c > 90) return false;
  for (let k = t.start + 1; k < t.end; k++) {
    const ck = text.charCodeAt(k);
    if (ck >= 65 && ck <= 90) return true;
  }
  return !t.clauseStart && caseTells(tokens);
}

/** Adds the hits of the named technology an unknown word at token i misspells, if it is written as a name; returns the new hit count. */
function respelledHits(tokens: readonly Token[], i: number, text: string, count: number): number {
  if (!nameLike(tokens, i, text)) return count;
  const name = misspelling(tokens[i]!.lower);
  if (name !== null) for (const sense of respelledSenses(name)) addHit(count++, i, 1, sense);
  return count;
}

let spellingIndex: SpellingIndex | undefined;
/** Corrections already looked up (lowercase word → name, or null); cleared when it grows past 4,096 words. */
const SPELLING_MEMO = new Map<string, string | null>();

/** The named technology an unknown word misspells, or null (see `SpellingIndex`). */
function misspelling(lower: string): string | null {
  let name = SPELLING_MEMO.get(lower);
  if (name !== undefined) return name;
  spellingIndex ??= new SpellingIndex(SPELLING_NAMES);
  // (An English word one edit from a name, "String" or "Sprint", is that word.)
  name = SPELLING_STOPLIST.has(lower) ? null : (spellingIndex.correct(lower) ?? null);
  if (SPELLING_MEMO.size >= 4096) SPELLING_MEMO.clear();
  SPELLING_MEMO.set(lower, name);
  return name;
}

/** Whether the current text is in Title Case (1), not (0), or not read yet (-1); see `caseTells`. */
let titleCase = -1;

/** Whether capitals tell in the current text (it is not in Title Case), read once per analysis. */
function caseTells(tokens: readonly Token[]): boolean {
  if (titleCase < 0) titleCase = isTitleCase(tokens, hitText) ? 1 : 0;
  return titleCase === 0;
}

/**
 * Whether the text is written in Title Case: at least three words of four or more letters after the
 * first, and at least 60 % of them capitalised. Exact-case catalogue names are not evidence there.
 */
function isTitleCase(tokens: readonly Token[], text: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end - t.start < 4) continue;
    const c = text.charCodeAt(t.start);
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122)) continue;
    words++;
    if (upper) capitalised++;
  }
  return words >= 3 && capitalised >= 0.6 * words;
}

/** Whether the hits name at least two different phrases (case-insensitive). */
function twoDistinctNames(hits: readonly Hit[]): boolean {
  if (hits.length < 2) return false;
  const first = hits[0]!.ev.phrase;
  for (let k = 1; k < hits.length; k++) if (!sameLowercase(hits[k]!.ev.phrase, first)) return true;
  return false;
}

/**
 * `a.toLowerCase() === b.toLowerCase()` without making the lowercase copies: ASCII is folded in
 * place; any other character (whose lowercase may differ in length) falls back to the copies.
 */
function sameLowercase(a: string, b: string): boolean {
  if (a.length !== b.length) return !isAscii(a) || !isAscii(b) ? a.toLowerCase() === b.toLowerCase() : false;
  for (let k = 0; k < a.length; k++) {
    let x = a.charCodeAt(k);
    let y = b.charCodeAt(k);
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    // The characters before k are ASCII in both, so their lowercase copies agree up to here.
    if (x !== y) return false;
  }
  return true;
}
function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 128) return false;
  return true;
}

/** Whether some evidence has full weight (a strong mention). */
function hasFullWeight(list: readonly Evidence[]): boolean {
  for (const e of list) if (e.weight >= 1) return true;
  return false;
}

/** Two different weak words in separate phrases (not one noun phrase such as "worker service"). */
function separateWeakPair(list: readonly Evidence[]): boolean {
  // Bounded: a pair, if any, shows up among the first few mentions.
  const m = Math.min(list.length, 12);
  for (let x = 0; x < m; x++) {
    for (let y = x + 1; y < m; y++) {
      const a = list[x]!;
      const b = list[y]!;
      if (sameLowercase(a.phrase, b.phrase)) continue;
      const gap = a.start < b.start ? b.start - a.end : a.start - b.end;
      if (gap > 1) return true;
    }
  }
  return false;
}

// longestAreaHits' sorted list and its result, reused by the next analysis like the hits they hold
// (nothing an analysis returns refers to a hit).
const SORTED_AREA_HITS: Hit[] = [];
const KEPT_AREA_HITS: Hit[] = [];

/** Keeps, among overlapping area hits, the longest ("helm chart" over "chart", "Google Analytics" over "analytics"). */
function longestAreaHits(hits: readonly Hit[], nTokens: number): readonly Hit[] {
  // Longest first, then by position: a stable insertion sort (hits arrive in position order, and
  // there are few area hits per text), without Array#sort's temporary copy. Both lists are written
  // by index and truncated at the end: `length = 0` would drop their storage (V8 frees an emptied
  // array's elements), so every call would grow them anew.
  const area = SORTED_AREA_HITS;
  let nArea = 0;
  for (const h of hits) {
    let j = nArea++;
    while (j > 0 && longestFirst(area[j - 1]!, h) > 0) {
      area[j] = area[j - 1]!;
      j--;
    }
    area[j] = h;
  }
  // Phrases are at most 4 tokens long, so a byte per token holds the owning length.
  const owner = flags(3, nTokens); // slot 3: the owner lengths
  const keep = KEPT_AREA_HITS;
  let nKeep = 0;
  for (let x = 0; x < nArea; x++) {
    const h = area[x]!;
    let free = true;
    for (let k = h.i; k < h.i + h.n; k++) if (owner[k]! > h.n) free = false;
    if (!free) continue;
    for (let k = h.i; k < h.i + h.n; k++) owner[k] = Math.max(owner[k]!, h.n);
    keep[nKeep++] = h;
  }
  if (area.length > nArea) area.length = nArea;
  if (keep.length > nKeep) keep.length = nKeep;
  return keep;
}
const longestFirst = (a: Hit, b: Hit): number => b.n - a.n || a.i - b.i;

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
const AUDIT_STEM = stem('audit');
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
const PREPARATORY = new Set(['self', 'assessment', 'readiness', 'preparation', 'gap'].map(stem));

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

/** "the new <…> system": "new" at most three tokens before "system" in its clause. */
function newSystem(r: Reading): Evidence | undefined {
  const { tokens, negated } = r;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.stem !== SYSTEM_STEM || negated[i]) continue;
    if (stemInClauseBefore(tokens, i, 3, NEW_STEMS)) return ev(tokens, r.task, i, 1, 'cue:wholeSystem:new-system', 1);
  }
  return undefined;
}
const SYSTEM_STEM = stem('system');
const NEW_STEMS = new Set([stem('new')]);

/** Whether "from" is followed (within two tokens) by a place data lives that is no database engine. */
function fromNonDatabase(tokens: readonly Token[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.lower !== 'from') continue;
    for (let k = i + 1; k <= Math.min(tokens.length - 1, i + 2); k++) if (NON_DB_SOURCES.has(tokens[k]!.stem)) return true;
  }
  return false;
}
/** Places (stems) data lives before a store holds it: memory, files, cookies, spreadsheets. */
const NON_DB_SOURCES = new Set(['memory', 'in-memory', 'file', 'files', 'disk', 'filesystem', 'cookie', 'cookies', 'localstorage', 'json', 'yaml', 'csv', 'env', 'spreadsheet', 'spreadsheets'].map(stem));

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

/** Whether token i stands where a verb does: first in its clause, or after "to", a modal, a subject pronoun or "and". */
function verbPosition(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.clauseStart || MOVE_VERB_LEADS.has(tokens[i - 1]!.lower);
}
/** Migration verbs (stems) that are nouns as often ("data transfer", "a shift"). */
const NOUN_OR_VERB_MOVES = new Set(['transfer', 'shift', 'port'].map(stem));
const MOVE_VERB_LEADS = new Set(['to', 'will', 'should', 'must', 'can', 'could', 'would', 'and', 'we', 'i', 'please', 'then', "let's", 'lets']);

/** A "strict mode" that is no type checker's ("Enable strict mode in the config parser"): one setting, not every file. */
function parserStrictMode(tokens: readonly Token[], h: Hit): boolean {
  if (tokens[h.i]!.lower !== 'strict') return false;
  for (const t of tokens) if (TYPE_CHECKERS.has(t.lower)) return false;
  return true;
}
/** Words naming a type checker or its configuration, whose strict mode applies to every file. */
const TYPE_CHECKERS = new Set(['typescript', 'ts', 'tsconfig', 'mypy', 'pyright', 'flow', 'tsc']);

/** The index of the first token that starts at or after text offset `at` (the token count when none does). */
function tokenFrom(tokens: readonly Token[], at: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < at) i++;
  return i;
}

/** Whether a role of the app's users (admins, customers, members…) stands within four tokens of a dashboard mention, in its clause. */
function roleNear(tokens: readonly Token[], ev: readonly Evidence[]): boolean {
  for (const e of ev) {
    const i = tokenFrom(tokens, e.start);
    if (stemInClauseBefore(tokens, i, 4, APP_ROLES) || stemInClauseAfter(tokens, i, 4, APP_ROLES)) return true;
  }
  return false;
}
/** Roles (stems) of an application's own users, whose dashboards are pages of the product. */
const APP_ROLES = new Set(['admin', 'admins', 'administrator', 'administrators', 'customer', 'customers', 'member', 'members', 'student', 'students', 'teacher', 'teachers', 'seller', 'sellers', 'merchant', 'merchants', 'creator', 'creators', 'owner', 'owners', 'staff', 'patient', 'patients', 'tenant', 'tenants'].map(stem));

/** Leading verbs (stems) of an investigation, which delivers findings (§4 "investigations"). */
const INVESTIGATION_VERBS = new Set(['investigate', 'explore', 'research'].map(stem));
/** First words of a title that improves what exists ("More robust backups"): no new capability. */
const IMPROVING_TITLE = new Set(['more', 'better', 'improved', 'faster', 'enhanced', 'cleaner', 'simpler', 'smaller']);
/** Whether token i stands alone in parentheses and its letters are the initials of the words just before them. */
function definedAbbreviation(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (text.charCodeAt(t.start - 1) !== 40 /* ( */ || text.charCodeAt(t.end) !== 41 /* ) */) return false;
  const letters = t.lower;
  const n = letters.length;
  if (n < 2 || n > 6 || i < n) return false;
  for (let k = 0; k < n; k++) if (tokens[i - n + k]!.lower.charCodeAt(0) !== letters.charCodeAt(k)) return false;
  return true;
}
/** Opening verbs that adopt a technology ("Use Redis as cache"), and the rule name of that architecture evidence. */
const ADOPT_VERBS = new Set(['use', 'adopt', 'introduce']);
const ADOPT_RULE = 'concern:architecture:adopt-technology';
/** Words after an adopted technology that give it its role: "Use Redis as cache", "Adopt Flyway: …", "Use CDK to set up…". */
const ROLE_PREPS = new Set(['as', 'for', 'to', 'instead']);
/**
 * A count of running capacity changed as asked ("raise the minimum dyno count", "bump the worker replicas to 5"):
 * a quantity verb at most four words before a capacity unit, in its clause, before any purpose clause, and no
 * file it would be written into ("… in the Helm chart defaults").
 */
function capacityScaling(r: Reading, purpose: number): Evidence | undefined {
  const { tokens, negated } = r;
  const hits = r.areaHits;
  for (let n = 0; n < hits.length; n++) {
    const h = hits[n]!;
    // (The units are infrastructure or database words: an integer test first, the stem only for those.)
    if (h.sense.t !== 'area' || (h.sense.ax !== AX_INFRA && h.sense.ax !== AX_DATABASE) || !CAPACITY_NOUNS.has(tokens[h.i]!.stem)) continue;
    for (let i = h.i - 1; i >= Math.max(0, h.i - 4) && !tokens[i + 1]!.clauseStart; i--) {
      if (!QUANTITY_VERBS.has(tokens[i]!.stem) || negated[i] || i >= purpose) continue;
      if (!stemInClauseAfter(tokens, i, 10, CAPACITY_FILES)) return ev(tokens, r.task, i, 1, 'live:scale-capacity', 1);
    }
  }
  return undefined;
}
/** Verbs (stems) that change a count ("raise the minimum dyno count"). */
const QUANTITY_VERBS = new Set(['increase', 'raise', 'bump', 'lower', 'reduce', 'double', 'halve'].map(stem));
/** Units of running capacity (stems): a count of them is changed by scaling. */
const CAPACITY_NOUNS = new Set(['dyno', 'replica', 'instance'].map(stem));
/** Where a count is only written down (a chart's values, a manifest, a config file): no live scaling. */
const CAPACITY_FILES = new Set(['chart', 'default', 'defaults', 'values', 'manifest', 'config', 'configuration', 'file', 'template', 'terraform', 'module'].map(stem));
/** Words (stems) of a commerce product: one built whole has its storefront. */
const SHOP_WORDS = new Set(['commerce', 'ecommerce', 'marketplace', 'shop', 'webshop', 'storefront', 'online'].map(stem));
/** Whether a token of hit h has a stem in `stems`. */
function spanHasStem(tokens: readonly Token[], h: Hit, stems: ReadonlySet<string>): boolean {
  for (let k = h.i; k < h.i + h.n; k++) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}

/** Whether token t ("test", "tests", "spec") names a test as the last part of a snake_case identifier, or the first of a test function's name. */
function testIdentifier(text: string, t: Token): boolean {
  if (t.lower !== 'test' && t.lower !== 'tests' && t.lower !== 'spec') return false;
  const before = t.start > 0 ? text[t.start - 1]! : ' ';
  const after = text[t.end] ?? ' ';
  const edge = (c: string): boolean => !/[A-Za-z0-9_.]/.test(c);
  if (before === '_' && edge(after)) return true; // login_test, checkout_spec
  // test_login_timeout (a test function), not test_mode or TEST_DATABASE_URL (settings): lowercase, two
  // more parts.
  return t.lower === text.slice(t.start, t.end) && edge(before) && /^_[a-z0-9]+_[a-z0-9]/.test(text.slice(t.end, t.end + 40));
}

/** Whether a docs deliverable comes before every verb of achieving a certification (the task documents it). */
function docsBeforeCertAction(tokens: readonly Token[], docsHit: Hit | undefined): boolean {
  if (docsHit === undefined) return false;
  for (let i = 0; i < docsHit.i; i++) if (CERT_ACTION.has(tokens[i]!.stem)) return false;
  return true;
}

/**
 * Whether a migration verb or "split"/"extract" outside a temporal clause goes with a monolith cue:
 * "Remove the monolith service after extracting all services from it" removes what is left once the
 * split is done; the split is when the work applies, not the work.
 */
function splitsMonolith(tokens: readonly Token[], migVerbs: readonly Hit[]): boolean {
  for (const h of migVerbs) if (!inTemporalClause(tokens, h.i)) return true;
  for (let i = 0; i < tokens.length; i++) if (SPLIT_VERBS.has(tokens[i]!.stem) && !inTemporalClause(tokens, i)) return true;
  // "Convert monolith to microservice(s)": a conversion whose result is services splits it too.
  for (let i = 0; i < tokens.length; i++) {
    if (!CONVERT_VERBS.has(tokens[i]!.stem) || inTemporalClause(tokens, i)) continue;
    for (let k = i + 1; k < tokens.length && !tokens[k]!.clauseStart; k++) if (SERVICE_RESULTS.has(tokens[k]!.stem)) return true;
  }
  return false;
}
/** Verbs (stems) of turning a system into another shape. */
const CONVERT_VERBS = new Set(['convert', 'transform', 'refactor', 'restructure', 'rearchitect', 're-architect'].map(stem));
/** What a monolith is converted into when it is split (stems). */
const SERVICE_RESULTS = new Set(['microservice', 'microservices', 'services'].map(stem));

/**
 * Evidence of a split verb whose object, within five words in its clause, is a service or microservice
 * ending the phrase ("Extract the first service", "Split payments out into its own service"), or undefined.
 * Not "service account", "service layer": the service must end its noun phrase.
 */
function carvedService(r: Reading): Evidence | undefined {
  const { tokens, task, negated } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (!SPLIT_VERBS.has(tokens[i]!.stem) || negated[i] || inTemporalClause(tokens, i)) continue;
    // Only as a verb opening its clause or after "to"/a modal: "implement separate notification
    // microservice" builds a new service.
    if (i > 0 && !tokens[i]!.clauseStart && !VERB_LEADS.has(tokens[i - 1]!.lower)) continue;
    for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
      if (tokens[k]!.clauseStart) break;
      const st = tokens[k]!.stem;
      if (st !== SERVICE_STEM && st !== MICROSERVICE_STEM) continue;
      const next = tokens[k + 1];
      if (next === undefined || next.clauseStart || SERVICE_PHRASE_ENDS.has(next.lower)) return ev(tokens, task, i, k - i + 1, 'monolith-split:carve-service', 1);
      break;
    }
  }
  return undefined;
}
const SERVICE_STEM = stem('service');
/** Words after which a word reads as a verb ("to extract", "we should split"). */
const VERB_LEADS = new Set(['to', 'and', 'then', 'should', 'must', 'will', 'can', 'could', 'would', 'we', "let's", 'please']);
const MICROSERVICE_STEM = stem('microservice');
/** Words after which "service" has ended its noun phrase ("Extract the auth service from the app"). */
const SERVICE_PHRASE_ENDS = new Set(['from', 'out', 'and', 'with', 'so', 'to', 'that', 'which']);

/** The index of "using"/"running"… after "when"/"while"/"if" ("when using S3"), or tokens.length. */
function setupClause(tokens: readonly Token[]): number {
  for (let k = 1; k < tokens.length; k++) {
    const w = tokens[k - 1]!.lower;
    if (SETUP_LEADS.has(w) && SETUP_VERBS.has(tokens[k]!.lower)) return k;
  }
  return tokens.length;
}
/**
 * Whether a concern word opens the "when …" clause of a bug report ("crashes when switching from portrait to
 * landscape"): what the user was doing when it failed, not work the task asks for.
 */
function bugTrigger(r: Reading, h: Hit): boolean {
  return h.i > 0 && SETUP_LEADS.has(r.tokens[h.i - 1]!.lower) && hitsOf(r, CX_CONTAINED).length > 0;
}
const SETUP_VERBS = new Set(['using', 'running', 'deployed', 'hosted', 'served', 'behind', 'on', 'with']);
const SETUP_LEADS = new Set(['when', 'while', 'if']);

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

/** Verbs (stems) that split a system into parts ("Break the Django monolith into services"). */
const SPLIT_VERBS = new Set(['split', 'extract', 'break', 'decompose', 'carve', 'separate', 'divide'].map(stem));

/** Whether token i stands in a clause opened by a temporal conjunction ("after extracting…", "once it runs"). */
function inTemporalClause(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (TEMPORAL_CONJUNCTIONS.has(tokens[k]!.lower)) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
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
const byAreaOrder = (x: AreaFinding, y: AreaFinding): number => AREA_IDS.indexOf(x.area) - AREA_IDS.indexOf(y.area);
/** Adds an area a reading infers from one piece of evidence, keeping the list in area order. */
function inferArea(areas: AreaFinding[], area: AreaId, score: number, evidence: Evidence): void {
  areas.push({ area, score, evidence: [evidence] });
  areas.sort(byAreaOrder);
}

/** Per-analysis state the reading passes share. */
interface Reading {
  readonly task: string;
  readonly tokens: readonly Token[];
  readonly hits: readonly Hit[];
  /** Cue hits by kind, indexed like CUE_KINDS. */
  readonly cues: readonly (Hit[] | undefined)[];
  /** Area hits and concern hits, in position order (scratch arrays, valid until the next analysis). */
  readonly areaHits: readonly Hit[];
  readonly concernHits: readonly Hit[];
  /** First action verb of the task (strategy/impl/docs verb). */
  readonly firstVerb: Hit | undefined;
  /** Per token: inside a negation's scope. */
  readonly negated: Uint8Array;
  /** Mentions read and deliberately not counted (appended to by the passes). */
  readonly ignored: Evidence[];
  /** The union of the tokens' word classes (C_* bits; see `hitClasses`). */
  readonly classes: number;
  /** Where the first purpose clause starts (-1: not read yet; see `purposeOf`). */
  purpose: number;
  /** Some area hit was set aside as a precedent or a symptom's reason (see `setAside`). */
  aside: boolean;
  /** The text opens by rewording something it quotes (see `renamesQuoted`). */
  readonly renaming: boolean;
  /** A database named at a data pipeline's end was set aside (rule "pipeline-end:"), so the scope pass need not search `ignored` for one. */
  pipelineEnd: boolean;
  /** The first token after the title's label (-1: not read yet; see `titleOf`). */
  title: number;
  /** The text has a backtick, so code spans may hide mentions (see `insideCodeSpan`). */
  readonly codeSpans: boolean;
  /** The app's content is kept in object storage (see `appContentStorage`): that storage is no live target. */
  contentStorage: boolean;
  /** A user-facing feature of signing in or being notified, read as substantial scope of the backend alone (see `analyzeTask`). */
  accountFeature: Evidence | undefined;
}

/** The deliverable: first action verb, documentation deliverable, strategy evidence (ROUTING §3). */
function readDeliverable(r: Reading): { docsHit: Hit | undefined; stratEv: Evidence[]; stratOnlyEv: Evidence[]; isStrategy: boolean } {
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
  // "Draft article on …", "Outline the migration guide": a strategy verb whose object is a document writes the document.
  const writesDocument = firstVerb !== undefined && docsHit !== undefined && docsHit.i >= firstVerb.i && docsHit.i <= firstVerb.i + firstVerb.n + 1;
  if (firstVerb && firstVerb.sense.t === 'cue' && firstVerb.sense.cue === 'strategyVerb' && !negated[firstVerb.i] && !capability && !asNoun && !afterModal && !pricingPlan && !writesDocument && !executedPlan(tokens, firstVerb)) {
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

/** Rule of the backend vocabulary's "integration with" evidence. */
const INTEGRATION_WITH_RULE = 'vocab:backend:integration with';
/** Whether an area other than backend has evidence within three tokens after an "integration with" phrase. */
function integrationTargetNamed(r: Reading, areaEv: readonly (Evidence[] | undefined)[]): boolean {
  for (const e of areaEv[AX_BACKEND]!) {
    const k = tokenFrom(r.tokens, e.end);
    const limit = k + 3 < r.tokens.length ? r.tokens[k + 3]!.end : r.task.length;
    for (let ax = 0; ax < areaEv.length; ax++) {
      if (ax === AX_BACKEND || areaEv[ax] === undefined) continue;
      for (const o of areaEv[ax]!) if (o.start >= e.end && o.end <= limit && o.weight >= 1) return true;
    }
  }
  return false;
}

/** Whether evidence e lies inside a multi-word strategy or documentation noun ("architecture decision record"). */
function insideDeliverableName(r: Reading, e: Evidence): boolean {
  for (const ix of DELIVERABLE_CUES) for (const h of hitsOf(r, ix)) if (h.n > 1 && h.ev.start <= e.start && e.end <= h.ev.end) return true;
  return false;
}
/** Whether evidence e is one word, right after "to", that can be a verb ("to trigger"). */
function verbAfterTo(r: Reading, e: Evidence): boolean {
  const { tokens } = r;
  const i = tokenFrom(tokens, e.start);
  return i > 0 && i < tokens.length && tokens[i]!.start === e.start && tokens[i]!.end === e.end && tokens[i - 1]!.lower === 'to' && (wordClasses(tokens[i]!) & C_ANY_VERB) !== 0;
}

/** Stems of error-tracking SDKs and their generic name, which are installed into the code they watch. */
const ERROR_TRACKERS = new Set(['sentry', 'raven', 'bugsnag', 'rollbar', 'honeybadger', 'airbrake', 'tracker', 'trackers'].map(stem));
/** Areas: longest hits, minus negated mentions and mentions inside a documentation deliverable. */
function readAreas(r: Reading, docsHit: Hit | undefined, isStrategy: boolean): { keep: readonly Hit[]; areas: AreaFinding[]; weakBest: AreaFinding | undefined } {
  const { task, tokens, negated, ignored } = r;
  // Areas: longest hits, minus negated mentions and mentions inside a documentation deliverable.
  const keep = longestAreaHits(r.areaHits, tokens.length);
  // "Add tests for the Stripe refund API", "Grafana dashboard for queue latency", "Helm chart for the
  // API", "CI pipeline for the frontend": what the artifact covers is its subject, not an area of its
  // own (like documentation of a subject, ROUTING §3). From "for/of/on/covering" after such an artifact
  // to the end of the clause, other L3 areas are not counted.
  const testSubject = flags(SLOT_SUBJECT, tokens.length);
  let observeVerb: Hit | undefined;
  const observing = (r.classes & C_OBSERVE) !== 0;
  for (const h of keep) {
    // (The hit's weight is its evidence's: read without building the evidence.)
    if (h.sense.t !== 'area' || (AREA_BITS[h.sense.ax]! & A_SUBJECT_HEAD) === 0) continue;
    // "Instrument the inventory service with…", "Monitor the payments API": what is instrumented or
    // monitored is the place of the work, up to a preposition or the clause's end.
    if (observing && h.n === 1 && (wordClasses(tokens[h.i]!) & C_OBSERVE) !== 0 && (h.i === 0 || tokens[h.i]!.clauseStart || MODALS.has(tokens[h.i - 1]!.lower) || tokens[h.i - 1]!.lower === 'to')) {
      for (let k = h.i + 1; k < tokens.length && !tokens[k]!.clauseStart && !OBJECT_ENDS.has(tokens[k]!.lower); k++) testSubject[k] = 1;
      // (As the task's verb the word names the work itself, so it is no weak mention.)
      observeVerb = h;
    }
    if (h.weight < 1) continue;
    let nxt = h.i + h.n;
    // One word may stand between the artifact and its preposition ("Prometheus scraping for the backend").
    if (nxt + 1 < tokens.length && !TEST_SUBJECT_PREPS.has(tokens[nxt]!.lower) && !tokens[nxt]!.clauseStart && !tokens[nxt + 1]!.clauseStart && !verbAt(tokens, nxt)) nxt++;
    // "to/into" with a determiner after it is a destination too ("tracing to the checkout flow"), where
    // "to" before a verb is a purpose ("webhook to reduce user error").
    const toPlace = nxt + 1 < tokens.length && (tokens[nxt]!.lower === 'to' || tokens[nxt]!.lower === 'into') && DETERMINERS.has(tokens[nxt + 1]!.lower);
    // (An error tracker "in the frontend" is an SDK put into that code: "Use sentry in frontend" is frontend work too.)
    const installedIn = tokens[nxt]?.lower === 'in' && (ERROR_TRACKERS.has(tokens[h.i]!.stem) || ERROR_TRACKERS.has(tokens[h.i + h.n - 1]!.stem));
    if (nxt < tokens.length && (TEST_SUBJECT_PREPS.has(tokens[nxt]!.lower) || toPlace) && !installedIn) {
      // (A list goes on past its commas, "covering the signup, checkout and refund flows", and a
      // parenthesis spells the subject out: "the password-reset flow (request link, open email)".)
      let inParen = false;
      for (let k = nxt + 1; k < tokens.length; k++) {
        // (Most gaps are one space: read the gap's text only when it is not.)
        if (tokens[k]!.clauseStart || tokens[k]!.start - tokens[k - 1]!.end !== 1) {
          const gap = task.slice(tokens[k - 1]!.end, tokens[k]!.start);
          if (gap.includes(')')) inParen = false;
          if (/^\s*\(\s*$/.test(gap)) inParen = true;
          else if (!inParen && tokens[k]!.clauseStart && !listGoesOn(task, tokens, k)) break;
        }
        // ("A dashboard for admins where they can change user roles": what the artifact lets them do is work.)
        if (tokens[k]!.lower === 'where' && !inParen) break;
        testSubject[k] = 1;
      }
    }
    // A modifier right before the artifact ("the API Dockerfile", "checkout tests") is its subject too.
    if (h.i > 0 && !tokens[h.i]!.clauseStart) testSubject[h.i - 1] = 1;
  }
  // The area each token's full-weight hit names (index + 1), for the example rule below (only texts
  // with "like" or "such" need it).
  const examples = (r.classes & C_EXAMPLE) !== 0;
  const nameHeads = (r.classes & C_NAME_HEAD) !== 0;
  // (The two place rules below need a hyphen in the text, or the word "existing" or "CI".)
  const hyphens = task.includes('-');
  // "(as with forgejo and keycloak)", "similar to X": things already done the same way are precedents.
  const precedents = (r.classes & C_PRECEDENT) !== 0;
  // "Roll back payments-api to v1.8.2 — v1.9.0 is returning 502s on Adyen callbacks": after an opening
  // operation, a later clause reporting a symptom says why; its words are evidence, not work.
  const reasonClause = OPERATION_OPENERS.has(tokens[0]?.stem ?? '') ? symptomClauses(tokens) : undefined;
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  const teams = (r.classes & C_TEAM) !== 0;
  const uiOrReport = (r.classes & C_UI_OR_REPORT) !== 0;

  const places = (r.classes & C_PLACE) !== 0;
  // In a bug report, "… when using AWS S3 + CloudFront" names the setup the bug shows in (where the token
  // after which such a clause starts; tokens.length when there is none).
  const setupAt = (r.classes & C_SETUP) !== 0 && hitsOf(r, CX_CONTAINED).length > 0 ? setupClause(tokens) : tokens.length;
  const areaAt = examples ? flags(SLOT_AREA_AT, tokens.length) : NO_FLAGS;
  if (examples) for (const h of keep) if (h.sense.t === 'area' && h.weight >= 1) for (let j = h.i; j < h.i + h.n; j++) areaAt[j] = h.sense.ax + 1;
  // "As a DevOps engineer, I want…", "As CMS Monitoring we need…": who asks is not the work.
  const roleEnd = requesterRoleEnd(tokens, task);
  // Per-area evidence and score in arrays indexed like AREA_IDS (no Map per analysis).
  const areaEv: (Evidence[] | undefined)[] = new Array(AREA_IDS.length);
  const areaScore = AREA_SCORE.fill(0);
  for (const h of keep) {
    if (h.sense.t !== 'area') continue;
    const ax = h.sense.ax;
    // "security-relevant", "security-conscious": a hyphenated modifier, not work in the area.
    const after = tokens[h.i + h.n];
    if (after && task.charCodeAt(tokens[h.i + h.n - 1]!.end) === 45 /* - */ && MODIFIER_SUFFIXES.has(after.lower)) { ignored.push(cite(h.ev, `modifier:${h.ev.rule}`)); continue; }
    if (h.n === 1 && tokens[h.i]!.lower === 'test' && VERB_FOLLOWERS.has(tokens[h.i + 1]?.lower ?? '')) { ignored.push(cite(h.ev, `verb-use:${h.ev.rule}`)); continue; }
    if (negated[h.i]) { ignored.push(cite(h.ev, `negated:${h.ev.rule}`)); continue; }
    // (A snake_case name that starts or ends with "test" names a test: "Fix flaky test_login_timeout"; one made of a
    // named technology is code of that technology: "airflow_to_bq_export.py", "build_schedule_from_dbt_selection()".)
    if (insideIdentifier(task, tokens[h.i]!.start, tokens[h.i + h.n - 1]!.end) && !(ax === AX_TESTING && testIdentifier(task, tokens[h.i + h.n - 1]!))
      && !(h.sense.tech && h.sense.weight >= 1 && snakeCasePart(task, tokens[h.i]!.start, tokens[h.i + h.n - 1]!.end))) { ignored.push(cite(h.ev, `identifier-part:${h.ev.rule}`)); continue; }
    if (hyphens && hyphenNamePart(task, tokens, h, keep)) { ignored.push(cite(h.ev, `name-part:${h.ev.rule}`)); continue; }
    // "Mission Cloud Platform (MCP)": a name in parentheses that spells the initials of the words before it
    // abbreviates them; it is not the catalogued technology of that name.
    if (h.n === 1 && definedAbbreviation(task, tokens, h.i)) { ignored.push(cite(h.ev, `abbreviation:${h.ev.rule}`)); continue; }
    // Code in backticks (`reports/sql/monthly_revenue.sql`, `Enable (Push) Notifications`, a stack trace) names
    // files, strings and code: places, not areas.
    if (r.codeSpans && insideCodeSpan(task, tokens[h.i]!.start)) { ignored.push(cite(h.ev, `code-span:${h.ev.rule}`)); continue; }
    if (reasonClause !== undefined && reasonClause[clauseOf[h.i]!] === 1 && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `symptom-reason:${h.ev.rule}`)); r.aside = true; continue; }
    // "Restore the staging analytics Postgres database": a domain word naming which component it is.
    if (domainModifier(tokens, h, keep)) { ignored.push(cite(h.ev, `domain-modifier:${h.ev.rule}`)); continue; }
    // "a barcode scanner", "download the timetable as an image file", "my training classes": another sense of the word.
    if (h.n === 1 && otherSense(tokens, h.i)) { ignored.push(cite(h.ev, `other-sense:${h.ev.rule}`)); continue; }
    if (precedents && precedentOf(tokens, h) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `precedent:${h.ev.rule}`)); r.aside = true; continue; }
    // 'Rename "Migrating Docker apps to Kubernetes" to …': the quoted words are a title being reworded.
    if (quotedTitleWord(r, h)) { ignored.push(cite(h.ev, `quoted-title:${h.ev.rule}`)); continue; }
    // "for the load-testing team", "the data team": who does or owns the work, not the work.
    if (teams && h.i + h.n < tokens.length && (wordClasses(tokens[h.i + h.n]!) & C_TEAM) !== 0) { ignored.push(cite(h.ev, `team:${h.ev.rule}`)); continue; }
    // "— CloudWatch shows zero connections": a tool that reports is the evidence, not work in its area,
    // when the text names some other area. (An actor before a modal is not: "so that monitoring can
    // continue running" keeps monitoring.)
    // "Checkout button does nothing on Safari": a word naming what a UI element is for is the element's
    // subject; the work is the element (frontend).
    if (uiOrReport && ax !== AX_FRONTEND && h.i + h.n < tokens.length && UI_ELEMENTS.has(tokens[h.i + h.n]!.lower) && keep.some((k) => k.sense.t === 'area' && k.sense.ax === AX_FRONTEND && k.i === h.i + h.n)) { ignored.push(cite(h.ev, `ui-subject:${h.ev.rule}`)); continue; }
    if (uiOrReport && h.i + h.n < tokens.length && ACTOR_FOLLOWERS.has(tokens[h.i + h.n]!.lower) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `actor:${h.ev.rule}`)); continue; }

    if (places && placeOnly(tokens, h) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `place:${h.ev.rule}`)); continue; }
    if (h.i > setupAt && clauseOf[h.i] === clauseOf[setupAt] && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `bug-setup:${h.ev.rule}`)); continue; }
    // "a staging environment … for testing major changes": what the thing built is for, not test work.
    if (ax === AX_TESTING && h.n === 1 && tokens[h.i]!.lower === 'testing' && tokens[h.i - 1]?.lower === 'for' && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `purpose:${h.ev.rule}`)); continue; }
    // "restore test", "recovery test", "failover test": an operations drill on a running system, not software tests.
    if (ax === AX_TESTING && h.n === 1 && h.i > 0 && DRILLED_OPERATIONS.has(tokens[h.i - 1]!.stem)) { ignored.push(cite(h.ev, `operations-drill:${h.ev.rule}`)); continue; }
    if (h.i < roleEnd) { ignored.push(cite(h.ev, `requester-role:${h.ev.rule}`)); continue; }
    if (examples && exampleOfOther(tokens, h, areaAt)) { ignored.push(cite(h.ev, `example:${h.ev.rule}`)); continue; }
    if (nameHeads && h.n === 1 && (wordClasses(tokens[h.i]!) & C_NAME_HEAD) !== 0 && (namedBefore(keep, h) || productApi(task, tokens, keep, h))) { ignored.push(cite(h.ev, `name-head:${h.ev.rule}`)); continue; }
    if (docsHit && !isStrategy) { ignored.push(cite(h.ev, `documentation-subject:${h.ev.rule}`)); continue; }
    if (testSubject[h.i] && (AREA_BITS[ax]! & (A_SUBJECT_HEAD | A_L2)) === 0) { ignored.push(cite(h.ev, `artifact-subject:${h.ev.rule}`)); continue; }
    // Redis beside a job queue ("celery with rabbitmq and redis") is the broker: backend (§2 queues), not a
    // database. As the app's cache or session store ("Add a Redis caching layer", "Redis session") it is both:
    // the caching code (backend, §2 caching) and the store it runs on (database), as the labelled texts have it.
    // Backing a rate limiter ("Use redis for rate limiting") is a broker's kind of use: the backend's mechanism.
    if (ax === AX_DATABASE && h.n === 1 && KEY_VALUE_STORES.has(tokens[h.i]!.lower)
      && (((r.classes & C_BROKER_USE) !== 0 && classInSentence(tokens, task, h.i, C_BROKER_USE)) || rateLimitInSentence(tokens, task, h.i))) {
      credit(areaEv, areaScore, AX_BACKEND, cite(h.ev, `broker-or-cache:${h.ev.rule}`), h.sense.weight);
      if (cacheStoreUse(tokens, task, h.i)) credit(areaEv, areaScore, ax, cite(h.ev, `cache-store:${h.ev.rule}`), h.sense.weight);
      // The store named as a running thing ("and Redis cluster") is operated too: database work.
      else if (STORE_DEPLOYMENT.has(tokens[h.i + 1]?.lower ?? '')) credit(areaEv, areaScore, ax, cite(h.ev, `store-deployment:${h.ev.rule}`), h.sense.weight);
      continue;
    }
    // A search engine that is upgraded, scaled or backed up is a data store (database work, §2); used
    // by a feature ("Apply Elasticsearch to filter products") it is backend.
    if (ax === AX_BACKEND && searchEngine(tokens, h) && storeOperation(tokens, task, h.i)) credit(areaEv, areaScore, AX_DATABASE, cite(h.ev, `data-store:${h.ev.rule}`), h.sense.weight);
    else if (h === observeVerb && h.weight < 1) credit(areaEv, areaScore, ax, cite(h.ev, `observe-verb:${h.ev.rule}`, 1), 1);
    else credit(areaEv, areaScore, ax, h.ev, h.sense.weight);
  }
  // Moving onto or off a managed service concerns both its sides (the orchestrator and the hosting).
  if (hitsOf(r, CX_MIGRATION_VERB).length === 0) managedServiceReading(areaEv, areaScore, ignored);
  // Both readings below give way to database work named anywhere ("Restore the analytics Postgres
  // database", "backups of the Cloud SQL instance").
  if (areaEv[AX_DATABASE] !== undefined && (r.classes & C_DB_WORK) === 0) {
    if (namedInFull(areaEv, AX_DATA)) { dropArea(AX_DATABASE, 'pipeline-end', areaEv, areaScore, ignored); r.pipelineEnd = true; }
    else if (areaEv[AX_INFRA] !== undefined && managedDatabaseResource(areaEv)) dropArea(AX_DATABASE, 'managed-database-resource', areaEv, areaScore, ignored);
  }
  // Object storage beside data-pipeline work ("load from GCS to BigQuery", "ingest the S3 exports") is the
  // pipeline's end, like a database there: infrastructure only when other cloud words say so.
  if (givesWay(areaEv, AX_INFRA, AX_DATA, OBJECT_STORAGE)) dropArea(AX_INFRA, 'storage-end', areaEv, areaScore, ignored);
  // A dashboard for a role of the app's users ("a dashboard for admins where they can change user roles",
  // "administrators view customised dashboards") is a page of the product (frontend), not monitoring.
  // So is a dashboard that nothing ties to monitoring or to platform work ("Improve Chaos Dashboard",
  // "Show number of events in dashboard overview", "Fix dashboard crashes"): monitoring names what it
  // watches (metrics, Grafana, SLOs…, which are observability evidence of their own), and beside CI,
  // infrastructure, containers, tests or data pipelines a dashboard shows how that work runs.
  if (areaEv[AX_OBS] !== undefined && areaEv[AX_OBS]!.every((e) => /^dashboards?$/i.test(e.phrase))) {
    const role = roleNear(tokens, areaEv[AX_OBS]!);
    if (role || !(areaEv[AX_CICD] || areaEv[AX_INFRA] || areaEv[AX_K8S] || areaEv[AX_TESTING] || areaEv[AX_DATA])) {
      const reason = role ? 'role-dashboard' : 'product-dashboard';
      const moved = areaEv[AX_OBS]!.map((e) => cite(e, `${reason}:${e.rule}`, 1));
      dropArea(AX_OBS, reason, areaEv, areaScore, ignored);
      areaEv[AX_FRONTEND] = [...(areaEv[AX_FRONTEND] ?? []), ...moved];
      areaScore[AX_FRONTEND] = areaScore[AX_FRONTEND]! + 1;
    }
  }
  // An endpoint beside monitoring ("Add endpoint to serve Prometheus metrics", "alert setting on endpoints") is
  // where metrics are served or what is watched: observability work (like a "/metrics endpoint"), not an API.
  if (givesWay(areaEv, AX_BACKEND, AX_OBS, /^endpoints?$/i)) dropArea(AX_BACKEND, 'monitored-endpoint', areaEv, areaScore, ignored);
  // A cache beside CI work ("Cache dependencies in CI", "cache node_modules in the workflow") is the
  // pipeline's build cache, not an application cache (CI/CD: build automation, §3).
  if (givesWay(areaEv, AX_BACKEND, AX_CICD, /^cach/i)) dropArea(AX_BACKEND, 'build-cache', areaEv, areaScore, ignored);
  // "Store images in S3 rather than locally", "Migrate profile pictures to S3", "Move documents into S3": the
  // app's own content (files, images, uploads) kept in object storage is the app's storage backend (backend)
  // and the bucket it uses (infrastructure); a picture or thumbnail there is stored content, not a page.
  if (areaEv[AX_INFRA] !== undefined && !namedInFull(areaEv, AX_BACKEND)) r.contentStorage = appContentStorage(tokens, task, negated, areaEv, areaScore, ignored);
  // Push notifications land in an app on a device ("Add a push notification system with Firebase" is backend and
  // frontend, dev-016), so the app is named too, unless the text keeps to the sending side ("on the backend").
  if (areaEv[AX_BACKEND] !== undefined) pushNotificationReading(r, areaEv, areaScore, ignored);
  // Single sign-on for the organisation's own services or infrastructure ("SSO for internal services", dev-189
  // "SAML SSO for infra stuff") signs people into that infrastructure: identity infrastructure beside the backend.
  if (areaEv[AX_BACKEND] !== undefined && !namedInFull(areaEv, AX_INFRA) && areaEv[AX_BACKEND]!.some((e) => SINGLE_SIGN_ON_RULES.has(e.rule))) {
    const audience = internalAudience(task);
    if (audience) credit(areaEv, areaScore, AX_INFRA, audience, 1);
  }
  // An event broker named with nothing of a data pipeline beside it ("push events into Kafka", "Switch from Kafka
  // to NATS") carries the app's events as much as data streams: backend (§3 queues, events) beside data pipelines.
  // (A pipeline of it is a data pipeline; its brokers or cluster are the running broker itself.)
  if (areaEv[AX_DATA] !== undefined && areaEv[AX_DATA]!.every((e) => EVENT_BROKER.test(e.phrase)) && !stemIn(tokens, BROKER_ITSELF)) {
    credit(areaEv, areaScore, AX_BACKEND, cite(areaEv[AX_DATA]![0]!, `event-broker:${areaEv[AX_DATA]![0]!.rule}`), 1);
    // Used for messaging ("a microservice that consumes order events from Kafka", "event sourcing (Axon + Kafka)",
    // "replace kafka with another messaging service"), it is the app's message broker alone: backend.
    if (stemIn(tokens, MESSAGING_USE) || tokens.some((t, i) => t.lower === 'sourcing' && tokens[i - 1]?.lower === 'event')) dropArea(AX_DATA, 'messaging', areaEv, areaScore, ignored);
  }
  // Backups of object storage or across regions ("Continuous PostgreSQL and S3 backups", dev-085; "Cross-region
  // backups") back the cloud resources up or place copies in another region: infrastructure work. (Backups *to* S3,
  // dev-106, only store the database's backups there.)
  // (A backup is database vocabulary: without it there is nothing to look for.)
  if (areaEv[AX_DATABASE] !== undefined && areaEv[AX_DATABASE]!.some((e) => e.rule === BACKUP_RULE) && !namedInFull(areaEv, AX_INFRA)) {
    const backup = cloudBackup(tokens, task);
    if (backup) credit(areaEv, areaScore, AX_INFRA, backup, 1);
  }
  // A container image that security work scans, signs or describes ("Add CI pipelines for container builds and
  // vulnerability scanning", "publish SPDX SBOM for container images on every release") is what the security check
  // runs on, not container platform work (§3 security: scanning, supply chain).
  // So is a registry whose images are scanned ("all ECR repositories have scan-on-push enabled", dev-142).
  // (Images only in a pipeline or a release: "container vulnerability checks" alone secures the containers.)
  if ((namedInFull(areaEv, AX_CICD) && givesWay(areaEv, AX_K8S, AX_SECURITY, CONTAINER_IMAGE)) || givesWay(areaEv, AX_K8S, AX_SECURITY, IMAGE_REGISTRY)) dropArea(AX_K8S, 'scanned-image', areaEv, areaScore, ignored);
  // Vulnerability records a product shows or exports ("Export CVE list at the repo level", dev-095; "On
  // Vulnerabilities page: see software for each CVE") are the product's data, not security work on the system.
  if (areaEv[AX_SECURITY] !== undefined && areaEv[AX_SECURITY]!.every((e) => VULNERABILITY_RULES.has(e.rule)) && stemIn(tokens, PRODUCT_DATA_WORDS)) dropArea(AX_SECURITY, 'product-data', areaEv, areaScore, ignored);
  // A page that is slow to load ("Admin dashboard takes 15 seconds to load", "loading speed of … the website") waits
  // on the work behind it, not on its screen: the page names where the symptom shows (a generalist fix).
  if (areaEv[AX_FRONTEND] !== undefined && areaEv[AX_FRONTEND]!.every((e) => PAGE_LIKE.test(e.phrase)) && slowLoad(tokens)) dropArea(AX_FRONTEND, 'slow-load', areaEv, areaScore, ignored);
  // Autoscaling beside Kubernetes ("add KEDA ScaledObject for worker autoscaling", "Migrate runners to Kubernetes with
  // auto-scaling", HPA) scales pods: the container platform's, not cloud infrastructure of its own.
  if (givesWay(areaEv, AX_INFRA, AX_K8S, AUTOSCALING)) dropArea(AX_INFRA, 'pod-autoscaling', areaEv, areaScore, ignored);
  // An app that works offline and syncs ("iOS With Offline and Sync", dev-098) syncs with a server: backend too.
  if (areaEv[AX_FRONTEND] !== undefined && areaEv[AX_BACKEND] === undefined) {
    const sync = offlineSync(tokens, negated);
    if (sync >= 0) credit(areaEv, areaScore, AX_BACKEND, ev(tokens, task, sync, 1, 'offline-sync', 1), 1);
  }
  // Syncing data with other systems as the whole work, no area named ("Synchronize data with other fitness
  // trackers"), keeps two systems' records in step: server-side integration work (§3 backend, dev-133, dev-183).
  if (tokens.length > 0 && SYNC_WORD.test(tokens[0]!.lower) && !negated[0] && areaEv.every((e) => e === undefined)) credit(areaEv, areaScore, AX_BACKEND, ev(tokens, task, 0, 1, 'data-sync', 1), 1);
  // "Integration with Dagster", "Integration with time-series databases": an integration whose target another
  // area names right after it is that area's work; "integration with" alone is backend.
  // (The first evidence's rule is tested first: most backend evidence is no "integration with".)
  if (areaEv[AX_BACKEND] !== undefined && areaEv[AX_BACKEND]![0]!.rule === INTEGRATION_WITH_RULE && areaEv[AX_BACKEND]!.every((e) => e.rule === INTEGRATION_WITH_RULE) && integrationTargetNamed(r, areaEv)) dropArea(AX_BACKEND, 'integration-target', areaEv, areaScore, ignored);
  // "Deployment" as a noun adds CI/CD only when the deployment is what gets built (ROUTING §3).
  // An area named only by weak words counts only when no area is named strongly: a weak word
  // ("service", "view", "environment") is context, not a requirement, beside a clear one.
  // Two distinct weak words that agree ("deployment stages of the pipeline") name the area too.
  const strong = AREA_STRONG.fill(0);
  let nStrong = 0;
  for (let ax = 0; ax < AREA_IDS.length; ax++) {
    const list = areaEv[ax];
    // A weak release word naming the publishing of an artifact, or automated deployment, is release automation (CI/CD, §3).
    const publishing = ax === AX_CICD && list !== undefined && !hasFullWeight(list) && (releaseAutomation(tokens, r.classes, clauseIndex(tokens.length) /* filled by findHits */)
      // A pipeline that runs tests ("a flaky test reproducer pipeline") is a CI pipeline, not a data pipeline.
      || (areaEv[AX_TESTING] !== undefined && areaEv[AX_DATA] === undefined && list.some((e) => /^pipelines?$/i.test(e.phrase)))
      // So is one that security scanning or signing runs in ("Add trivy security scan to project pipeline",
      // "Sign images and SBOM for releases"): supply-chain checks in the delivery pipeline (dev-202, dev-030).
      || (namedInFull(areaEv, AX_SECURITY) && areaEv[AX_DATA] === undefined && list.some((e) => /^(pipelines?|releases?)$/i.test(e.phrase))));
    if (publishing) areaScore[ax] = Math.max(areaScore[ax]!, 1);
    // Clusters that a deployment goes to ("Deploy services to multiple zonal clusters", "Manage deployment using Argo CD
    // and Cluster templates") are the container platform's (§3), unless another technology names them ("Kafka cluster").
    const deployCluster = ax === AX_K8S && list !== undefined && !hasFullWeight(list) && deployedCluster(list, areaEv[AX_CICD], r.areaHits);
    if (deployCluster) areaScore[ax] = Math.max(areaScore[ax]!, 1);
    if (list && (hasFullWeight(list) || separateWeakPair(list) || publishing || deployCluster)) {
      strong[ax] = 1;
      nStrong++;
    }
  }
  const areas: AreaFinding[] = [];
  for (let ax = 0; ax < AREA_IDS.length; ax++) {
    const s = areaScore[ax]!;
    if (s >= 1 && (strong[ax] || nStrong === 0)) areas.push({ area: AREA_IDS[ax]!, score: Math.min(1, saturation(s)), evidence: areaEv[ax]! });
    else if (s > 0) for (const e of areaEv[ax]!) ignored.push(cite(e, `weak-only:${e.rule}`));
  }
  // With no area named outright, the one area weak words point to (a unique best score) is still a
  // better reading than "generalist": "non-production instances" is infrastructure work.
  let weakBest: AreaFinding | undefined;
  if (areas.length === 0) {
    let best = -1;
    let tie = false;
    // (Not a weak word inside a deliverable's name, "Architecture decision record", nor one read as a
    // verb after "to", "git tags to trigger publication".)
    for (let ax = 0; ax < AREA_IDS.length; ax++) {
      if (areaScore[ax]! <= 0) continue;
      let kept = 0;
      for (const e of areaEv[ax]!) if (!insideDeliverableName(r, e) && !verbAfterTo(r, e)) kept += e.weight;
      if (kept <= 0) { for (const e of areaEv[ax]!) ignored.push(cite(e, `weak-as-name-or-verb:${e.rule}`)); areaScore[ax] = 0; }
    }
    for (let ax = 0; ax < AREA_IDS.length; ax++) {
      const s = areaScore[ax]!;
      if (s <= 0) continue;
      if (best < 0 || s > areaScore[best]!) { best = ax; tie = false; } else if (s === areaScore[best]!) tie = true;
    }
    if (best >= 0 && !tie) weakBest = { area: AREA_IDS[best]!, score: Math.min(1, saturation(areaScore[best]!)), evidence: areaEv[best]!.map((e) => cite(e, `weak-best:${e.rule}`)) };
  }
  return { keep, areas, weakBest };
}

/** Whether token k, after a comma, continues a list of nouns rather than starting a new clause. */
function listGoesOn(task: string, tokens: readonly Token[], k: number): boolean {
  // The gap must be one comma and spaces (character codes: no slice per call).
  let commas = 0;
  for (let p = tokens[k - 1]!.end; p < tokens[k]!.start; p++) {
    const c = task.charCodeAt(p);
    if (c === 44) commas++;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  if (commas !== 1) return false;
  const w = tokens[k]!.lower;
  if (SUBORDINATORS.has(w) || verbLike(tokens, k)) return false;
  return !((w === 'and' || w === 'or') && verbLike(tokens, k + 1));
}
/** Whether token i reads as a verb, or stands before a determiner ("…, and change the schema"). */
function verbLike(tokens: readonly Token[], i: number): boolean {
  return i < tokens.length && (verbAt(tokens, i) || DETERMINERS.has(tokens[i + 1]?.lower ?? ''));
}

/**
 * Whether the character at `at` lies inside a backtick code span or fence (odd number of backticks before
 * it) that holds a path, a file name, a UI string or code: one with a space, "/" or "." in it. A single
 * identifier in backticks (`Content-Security-Policy`, `recovery_codes`) names the object of the work.
 */
function insideCodeSpan(text: string, at: number): boolean {
  let n = 0;
  let open = -1;
  for (let p = text.indexOf('`'); p >= 0 && p < at; p = text.indexOf('`', p + 1)) { n++; open = p; }
  if ((n & 1) === 0) return false;
  let close = text.indexOf('`', at);
  if (close < 0) close = text.length;
  for (let p = open + 1; p < close; p++) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 47 || c === 46 || c === 10) return true; // space / . newline
  }
  return false;
}
/** Whether hit h was set aside as a precedent or a symptom's reason: named, but not used by the work. */
function setAside(ignored: readonly Evidence[], h: Hit): boolean {
  for (const e of ignored) if (e.start === h.ev.start && e.end === h.ev.end && (e.rule.startsWith('precedent:') || e.rule.startsWith('symptom-reason:'))) return true;
  return false;
}

/**
 * Words with an area's sense and another one, and the neighbours that choose the other: a scanner of barcodes is no
 * security scanner, an image file or a profile image is a picture and no container image, training classes are
 * people's, not a model's, a query parameter is part of a URL, not a database query, a GitHub or Dependabot alert
 * reports a vulnerability, not a monitoring alert, and "in the style of" compares, it styles nothing. Per word stem:
 * the words before it and after it that do so.
 */
const OTHER_SENSES: ReadonlyMap<string, { readonly before: ReadonlySet<string>; readonly after: ReadonlySet<string> }> = new Map([
  otherSenseEntry('scanner', ['barcode', 'qr', 'document', 'receipt', 'isbn', 'ticket', 'card'], []),
  otherSenseEntry('scan', ['barcode', 'qr', 'document', 'receipt', 'isbn', 'ticket'], []),
  otherSenseEntry('image', ['profile', 'cover', 'avatar', 'background', 'product', 'featured', 'hero', 'thumbnail', 'png', 'jpeg', 'jpg', 'svg'],
    ['file', 'upload', 'gallery', 'viewer', 'preview', 'editor', 'format', 'export', 'picker', 'crop', 'cropping', 'resize', 'resizing', 'caption', 'carousel', 'alt']),
  otherSenseEntry('training', ['employee', 'staff', 'user', 'customer', 'onboarding'], ['class', 'session', 'course', 'program', 'programme', 'material', 'schedule', 'video', 'plan']),
  otherSenseEntry('query', [], ['parameter', 'parameters', 'param', 'params', 'string']),
  otherSenseEntry('style', [], ['of']),
  otherSenseEntry('alert', ['github', 'dependabot', 'security', 'cve', 'vulnerability', 'snyk', 'codeql'], []),
]);
/** One OTHER_SENSES entry, as stems. */
function otherSenseEntry(word: string, before: readonly string[], after: readonly string[]): [string, { before: ReadonlySet<string>; after: ReadonlySet<string> }] {
  return [stem(word), { before: new Set(before.map(stem)), after: new Set(after.map(stem)) }];
}
/** Whether token i is a word of OTHER_SENSES with a neighbour choosing its other sense (or, for any of them, "as a(n)" before it). */
function otherSense(tokens: readonly Token[], i: number): boolean {
  const sense = OTHER_SENSES.get(tokens[i]!.stem);
  if (sense === undefined) return false;
  const prev = i > 0 && !tokens[i]!.clauseStart ? tokens[i - 1]! : undefined;
  if (prev && (sense.before.has(prev.stem) || ((prev.lower === 'a' || prev.lower === 'an') && tokens[i - 2]?.lower === 'as'))) return true;
  const next = tokens[i + 1];
  return next !== undefined && !next.clauseStart && sense.after.has(next.stem);
}

/** Business-domain words that often name a component ("the payments namespace", "the analytics database"). */
const DOMAIN_WORDS = new Set(['analytics', 'payments', 'payment', 'checkout', 'orders', 'order', 'billing', 'notification', 'notifications', 'search', 'reporting', 'inventory', 'users', 'user', 'auth', 'catalog', 'catalogue']);
/** Component nouns such a word can name. */
const COMPONENT_HEADS = new Set(['database', 'databases', 'db', 'cluster', 'namespace', 'bucket', 'topic', 'queue', 'queues', 'instance', 'table', 'tables', 'index', 'dashboard', 'schema', 'workers', 'worker']);
/** Whether hit h is a domain word naming which component follows ("the analytics Postgres database", "the payments namespace"). */
function domainModifier(tokens: readonly Token[], h: Hit, keep: readonly Hit[]): boolean {
  if (h.n !== 1 || !DOMAIN_WORDS.has(tokens[h.i]!.lower)) return false;
  for (let k = h.i + 1; k <= h.i + 2 && k < tokens.length; k++) {
    if (tokens[k]!.clauseStart) return false;
    // (The head, or a name between, must be another area's word: "the analytics Postgres database".)
    if (COMPONENT_HEADS.has(tokens[k]!.lower)) return keep.some((o) => o.sense.t === 'area' && o.sense.ax !== h.sense.ax && o.i > h.i && o.i <= k && k < o.i + o.n + 1);
  }
  return false;
}

/** First words of "as with", "similar to", "same as" (the word-class bit that lets `precedentOf` run). */
const PRECEDENT_LEADS = new Set(['as', 'similar', 'same']);
/** Whether hit h stands after "as with", "similar to" or "same as" in its clause: a precedent named for comparison. */
function precedentOf(tokens: readonly Token[], h: Hit): boolean {
  for (let k = h.i - 1; k >= 1; k--) {
    const a = tokens[k - 1]!.lower;
    const b = tokens[k]!.lower;
    if ((a === 'as' && b === 'with') || (a === 'similar' && b === 'to') || (a === 'same' && b === 'as')) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
}

/** Opening verbs (stems) of an operation on a running system, which a later symptom clause explains. */
const OPERATION_OPENERS = new Set(['roll', 'rollback', 'revert', 'restart', 'redeploy', 'scale', 'restore', 'downgrade', 'pin', 'failover', 'drain'].map(stem));
/** Symptom words (stems) of a clause that reports what is going wrong. */
const SYMPTOM_STEMS = new Set(['error', 'errors', 'crash', 'crashing', 'fail', 'failing', 'broken', 'broke', 'timeout', 'exception', 'outage', 'down', 'spike', 'panic'].map(stem));
/**
 * Per clause index (1 = yes): clauses after the first that report a symptom ("v2.15.0 is returning 500s
 * on refunds"): a symptom word or an HTTP error status. Undefined when there is none.
 */
function symptomClauses(tokens: readonly Token[]): Uint8Array | undefined {
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  let out: Uint8Array | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const c = clauseOf[k]!;
    if (c === 0) continue;
    const t = tokens[k]!;
    if (SYMPTOM_STEMS.has(t.stem) || /^[45](\d\d|xx)s?$/.test(t.lower)) (out ??= new Uint8Array(clauseOf[tokens.length - 1]! + 1))[c] = 1;
  }
  return out;
}

/** Environment names that are live targets only as an environment ("to production"). */
const ENVIRONMENT_NAMES = new Set(['production', 'prod', 'staging', 'live']);

/** Subjects before a modal that make the verb after it work the team does ("we should deploy…"). */
const ACTING_SUBJECTS = new Set(['we', 'i', 'you', 'team', 'ops', 'someone', 'they']);

/** Whether the text opens by rewording something and quotes it ('Rename "X" to "Y"'). */
function renamesQuoted(text: string, tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || !RENAME_VERBS.has(tokens[0]!.stem)) return false;
  return text.includes('"') || text.includes('\u201c');
}
/** Whether hit h stands in a quoted title that the text rewords (see renamesQuoted). */
function quotedTitleWord(r: Reading, h: Hit): boolean {
  return r.renaming && insideQuotes(r.task, r.tokens[h.i]!.start);
}
const RENAME_VERBS = new Set(['rename', 'retitle', 'reword', 'relabel'].map(stem));
/** Whether offset `at` stands inside double quotes (straight or curly). */
function insideQuotes(text: string, at: number): boolean {
  let open = false;
  for (let p = 0; p < at; p++) {
    const c = text.charCodeAt(p);
    if (c === 34) open = !open;
    else if (c === 0x201c) open = true;
    else if (c === 0x201d) open = false;
  }
  return open;
}
/** UI elements whose modifier names what they are for ("checkout button", "billing page"). */
const UI_ELEMENTS = new Set(['button', 'buttons', 'page', 'pages', 'screen', 'screens', 'form', 'forms', 'modal', 'dialog', 'drawer', 'banner', 'menu', 'tab', 'tabs', 'widget', 'icon', 'toggle', 'dropdown', 'viewer']);
const AX_FRONTEND = AREA_IDS.indexOf('frontend');
/** Words after an area word that make it the one reporting ("CloudWatch shows"). */
const ACTOR_FOLLOWERS = new Set(['shows', 'showed', 'reports', 'reported', 'indicates', 'says', 'identifies', 'identified', 'flags', 'flagged', 'detects', 'detected', 'finds', 'found']);
/** Words after an area word that make it a team or role ("the data team", "load-testing engineers"). */
const TEAM_WORDS = new Set(['team', 'teams', 'squad', 'engineers', 'guild', 'folks']);

/** Whether hit h is "replicas" after a count ("scale to 20 replicas"): pod copies, not a replication design. */
function countedReplicas(tokens: readonly Token[], h: Hit): boolean {
  if (h.n !== 1 || (tokens[h.i]!.lower !== 'replicas' && tokens[h.i]!.lower !== 'replica')) return false;
  // "scale to 20 replicas", "the replicas count", "replica number": how many pod copies run.
  return (h.i > 0 && /^\d+$/.test(tokens[h.i - 1]!.lower)) || REPLICA_COUNT_WORDS.has(tokens[h.i + 1]?.lower ?? '');
}
const REPLICA_COUNT_WORDS = new Set(['count', 'counts', 'number', 'numbers']);

/**
 * Whether hit h is one part of a hyphenated name no phrase covers ("payments-api", "user-activity",
 * "opentelemetry-instrumentation-fastapi", "ID-verification screen"): the compound names one thing,
 * a service, package or screen, whose parts are not areas of their own — when the text names some
 * area outside the compound. "Docker-based", "Kafka-backed" use the technology: those parts count.
 */
function hyphenNamePart(task: string, tokens: readonly Token[], h: Hit, keep: readonly Hit[]): boolean {
  const start = tokens[h.i]!.start;
  const end = tokens[h.i + h.n - 1]!.end;
  const joinedBefore = start > 1 && task.charCodeAt(start - 1) === 45 && /[A-Za-z0-9]/.test(task[start - 2]!);
  const joinedAfter = task.charCodeAt(end) === 45 && /[A-Za-z0-9]/.test(task[end + 1] ?? '');
  if (!joinedBefore && !joinedAfter) return false;
  if (joinedAfter && USE_SUFFIXES.test(task.slice(end + 1, end + 12))) return false;
  // The whole compound's extent, and whether another area hit lies outside it.
  let a = start;
  let b = end;
  while (a > 0 && /[A-Za-z0-9-]/.test(task[a - 1]!)) a--;
  while (b < task.length && /[A-Za-z0-9-]/.test(task[b]!)) b++;
  for (const k of keep) if (k.sense.t === 'area' && (tokens[k.i]!.start >= b || tokens[k.i + k.n - 1]!.end <= a)) return true;
  return false;
}

/**
 * Whether hit h is joined by "-" or "/" to letters on either side: one part of an identifier, a package
 * or repository name ("terraform-aws-modules/eks"), not a word of the sentence.
 */
function joinedCue(task: string, tokens: readonly Token[], h: Hit): boolean {
  const start = tokens[h.i]!.start;
  const end = tokens[h.i + h.n - 1]!.end;
  const joint = (c: number): boolean => c === 45 || c === 47;
  return (start > 1 && joint(task.charCodeAt(start - 1)) && /[A-Za-z0-9]/.test(task[start - 2]!)) || (joint(task.charCodeAt(end)) && /[A-Za-z0-9]/.test(task[end + 1] ?? ''));
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

/** Whether hit h follows "for" (or "for the/our…"): what the work serves, not what it uses. */
function servedBy(tokens: readonly Token[], h: Hit): boolean {
  const p1 = tokens[h.i - 1]?.lower;
  return p1 === 'for' || (p1 !== undefined && DETERMINERS.has(p1) && tokens[h.i - 2]?.lower === 'for');
}

const POLICY_STEM = stem('policy');
/** Nouns (stems) that make "policy" before them a kind of code ("policy checks", "policy engine"). */
const POLICY_CODE_HEADS = new Set(['check', 'checks', 'engine', 'enforcement', 'evaluation', 'evaluator', 'guard', 'guards', 'validation', 'validator'].map(stem));
/**
 * Whether hit h is the word "policy" right after a named technology ("Kyverno policy": that tool's
 * configuration) or a technical phrase of several words ("latency routing policy"), or before a word naming
 * code ("policy checks").
 */
function toolPolicy(areaHits: readonly Hit[], tokens: readonly Token[], h: Hit): boolean {
  if (h.n !== 1 || tokens[h.i]!.stem !== POLICY_STEM) return false;
  // "policy checks", "a policy engine": code that evaluates policies.
  if (POLICY_CODE_HEADS.has(tokens[h.i + 1]?.stem ?? '')) return true;
  // (Or after a technical phrase of several words: "latency routing policy", a DNS record's setting.)
  for (const a of areaHits) if (a.i + a.n === h.i && (a.sense.tech || (a.n === 1 && exactCaseName(tokens[a.i]!)) || (a.n >= 2 && a.sense.t === 'area' && a.sense.weight >= 1))) return true;
  return false;
}

/** Whether the kept hits name, at full weight, some area other than `ax`. */
function otherAreaNamed(keep: readonly Hit[], ax: number): boolean {
  for (const k of keep) if (k.sense.t === 'area' && k.sense.ax !== ax && k.weight >= 1) return true;
  return false;
}

/**
 * Whether hit h only says where or with what the work happens: something that already exists ("using
 * the existing Helm chart") or the CI a symptom shows on ("times out intermittently on CI").
 */
function placeOnly(tokens: readonly Token[], h: Hit): boolean {
  const p1 = tokens[h.i - 1]?.lower;
  if (p1 === 'existing' || (tokens[h.i - 2]?.lower === 'existing' && !tokens[h.i - 1]!.clauseStart)) return true;
  if (h.n === 1 && tokens[h.i]!.lower === 'ci' && p1 === 'on') return true;
  // "scans to use the new staging environment URL": the environment names an address.
  if (ADDRESS_HEADS.has(tokens[h.i + h.n]?.lower ?? '')) return true;
  // The preposition before the hit, past one determiner ("to the …", "on each …"), if it is a place's.
  const k = p1 !== undefined && DETERMINERS.has(p1) ? h.i - 2 : h.i - 1;
  if (k < 0 || !PLACE_PREPS.has(tokens[k]!.lower)) return false;
  // "Provide an API on SPIRE Server": a named product's server the change lands on.
  if (HOST_PLACES.has(tokens[h.i + h.n]?.stem ?? '')) return true;
  // "Add Content Security Policy to the web server", "headers to the nginx config", "rate limit requests
  // in nginx": the host, web server or configuration file the change lands in.
  const last = tokens[h.i + h.n - 1]!.stem;
  return (HOST_PLACES.has(last) || (h.n > 1 && CONFIG_WORDS.has(last)) || CONFIG_WORDS.has(tokens[h.i + h.n]?.stem ?? '')) && !tokens[k + 1]!.clauseStart;
}
/** Host nouns (stems) that say where a change lands ("to the web server", "on each VM"). */
const HOST_PLACES = new Set(['server', 'host', 'vm', 'instanc', 'machin', ...['nginx', 'apache', 'caddy', 'haproxy', 'traefik'].map(stem)]);
const PLACE_PREPS = new Set(['on', 'to', 'into', 'in', 'at']);
const CONFIG_WORDS = new Set(['config', 'configuration', 'conf', 'settings'].map(stem));
/** Nouns naming a file, which a technology's name before them only types ("a Terraform file"). */
const FILE_HEADS = new Set(['file', 'config', 'configuration', 'template', 'script', 'snippet'].map(stem));
/** Nouns naming an address, which a word before them only qualifies ("the staging environment URL"). */
const ADDRESS_HEADS = new Set(['url', 'urls', 'uri', 'address', 'hostname']);

/** Second parts of a hyphenated compound that say the first part is used ("Docker-based"). */
const USE_SUFFIXES = /^(based|powered|backed|native|compatible|enabled|driven|ready|managed|hosted|only|first|specific|aware|related|relevant)\b/i;

/** Generic heads (stems) that a technology's name takes: "Jenkins server", "Vault agent", "Kafka client". */
const NAME_HEADS = new Set(['server', 'instanc', 'agent', 'client', 'plugin', 'sdk', 'daemon', 'host', 'log', 'api', 'endpoint']);
/** Whether a named technology of another area ends right before hit h ("Jenkins server" is CI/CD, not backend). */
function namedBefore(keep: readonly Hit[], h: Hit): boolean {
  for (const k of keep) if (k.sense.t === 'area' && k.sense.tech && k.i + k.n === h.i && k.sense.ax !== h.sense.ax) return true;
  return false;
}

/** Name heads (stems) that a product's own interface takes ("the CloudFront endpoint", "BigQuery Storage Write API"). */
const API_HEADS = new Set(['api', 'endpoint']);
/**
 * Whether hit h is "API" or "endpoint" after a name of another area written as a name, with at most two
 * capitalised words of the product's API name between ("the CloudFront endpoint", "the Kubernetes Gateway API",
 * "BigQuery Storage Write API"): that product's interface, not the app's backend.
 */
function productApi(task: string, tokens: readonly Token[], keep: readonly Hit[], h: Hit): boolean {
  if (!API_HEADS.has(tokens[h.i]!.stem)) return false;
  for (let j = h.i - 1; j >= Math.max(0, h.i - 3); j--) {
    for (const k of keep) if (k.sense.t === 'area' && k.i + k.n === j + 1 && k.sense.ax !== h.sense.ax && k.i > 0 && (k.sense.tech || capitalised(task, tokens[j]!))) return true;
    if (tokens[j]!.clauseStart || !capitalised(task, tokens[j]!)) return false;
  }
  return false;
}

/**
 * Whether hit h is an example of a noun of another area ("heavy read endpoints like metrics", "queues
 * such as email sending"): the example names an instance of that noun, not an area of its own.
 */
function exampleOfOther(tokens: readonly Token[], h: Hit, areaAt: Uint8Array): boolean {
  let k = h.i - 1;
  if (k < 1 || tokens[h.i]!.clauseStart) return false;
  if (tokens[k]!.lower === 'like') k--;
  else if (tokens[k]!.lower === 'as' && tokens[k - 1]!.lower === 'such' && k >= 2) k -= 2;
  else return false;
  return areaAt[k] !== 0 && areaAt[k] !== h.sense.ax + 1;
}

/**
 * Whether a verb operating a data store (upgrade, scale, back up, restore, replicate, shard, reindex,
 * tune) stands up to six words before token i or three after it, in its sentence (a list's commas do
 * not end the verb's reach: "Scale web, OpenSearch, Postgres").
 */
function storeOperation(tokens: readonly Token[], text: string, i: number): boolean {
  for (let k = i; k >= Math.max(0, i - 6); k--) {
    if (STORE_OPERATIONS.has(tokens[k]!.stem)) return true;
    if (k > 0 && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
  }
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (STORE_OPERATIONS.has(tokens[k]!.stem)) return true;
  }
  return false;
}

/** Adds evidence `e` of weight `weight` to area `ax` (the per-area arrays of `readAreas`). */
function credit(areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ax: number, e: Evidence, weight: number): void {
  areaEv[ax] = append(areaEv[ax], e);
  areaScore[ax] += weight;
}

/**
 * Drops area `ax` with its evidence moved to `ignored` under `reason`. Used when the database a text
 * only names is the place of other work: in data pipeline work, the pipeline's source or sink ("Export
 * the publishing database tables to BigQuery", "Cleaning database DAG in Airflow"); beside other cloud
 * resources, a managed database provisioned with them (see `managedDatabaseResource`).
 */
function dropArea(ax: number, reason: string, areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ignored: Evidence[]): void {
  for (const e of areaEv[ax]!) ignored.push(cite(e, `${reason}:${e.rule}`));
  areaEv[ax] = undefined;
  areaScore[ax] = 0;
}
/**
 * Whether the database area is only a managed database service ("Cloud SQL instance", "RDS") that
 * infrastructure work provisions beside other cloud resources ("VPC, GKE cluster and Cloud SQL instance"
 * in Terraform): a cloud resource there (§3 infrastructure).
 */
function managedDatabaseResource(areaEv: (Evidence[] | undefined)[]): boolean {
  return areaEv[AX_DATABASE]!.every((e) => MANAGED_DATABASE.test(e.phrase)) && areaEv[AX_INFRA]!.some((e) => e.weight >= 1 && !MANAGED_DATABASE.test(e.phrase));
}
/** Whether area `ax` has evidence and some of it is of full weight (a word that names the area on its own). */
function namedInFull(areaEv: readonly (Evidence[] | undefined)[], ax: number): boolean {
  const list = areaEv[ax];
  return list !== undefined && hasFullWeight(list);
}
/**
 * Whether area `ax` is named only by phrases matching `words` while area `beside` has full-weight evidence: the
 * shape of the readings where a word is the other area's thing ("S3" as a pipeline's end, "endpoint" serving
 * metrics, "cache" in CI), so `ax` gives way.
 */
function givesWay(areaEv: readonly (Evidence[] | undefined)[], ax: number, beside: number, words: RegExp): boolean {
  const named = areaEv[ax];
  if (named === undefined || !namedInFull(areaEv, beside)) return false;
  for (const e of named) if (!words.test(e.phrase)) return false;
  return true;
}
/** Object storage a data pipeline reads from or writes to. */
const OBJECT_STORAGE = /^(s3|gcs|bucket|buckets|s3 bucket|s3 buckets|gcs bucket|blob storage|azure blob storage|adls|cloud storage|google cloud storage)$/i;
/** Whether a phrase names object storage: `OBJECT_STORAGE`, or storage named without a cloud brand ("MinIO", "object storage"). */
function objectStorage(phrase: string): boolean {
  return OBJECT_STORAGE.test(phrase) || /^(minio|object storage)$/i.test(phrase);
}
/** Phrases naming a container image or build. */
const CONTAINER_IMAGE = /^((docker|container|oci) )?(images?|builds?)$|^containers?$/i;
/** Phrases naming a container registry. */
const IMAGE_REGISTRY = /^(ecr|gcr|acr|ghcr|quay|container registry|image registry|registry|registries)$/i;
/** Evidence rules of vulnerability records' names ("CVE", "vulnerabilities"). */
const VULNERABILITY_RULES: ReadonlySet<string> = new Set(['vocab:security:cve', 'vocab:security:vulnerability']);
/** Words (stems) of a product showing or handing out its data. */
const PRODUCT_DATA_WORDS = new Set(['export', 'list', 'page', 'view', 'detector', 'column', 'tab', 'filter', 'sort', 'csv'].map(stem));
/** Frontend phrases that name a page as a place rather than UI work. */
const PAGE_LIKE = /(^|\s)(pages?|websites?|sites?|dashboards?|sections?|screens?|views?)$/i;
const LOAD_STEM = stem('loading');
/** Words (stems) that make loading slow. */
const SLOW_WORDS = new Set(['slow', 'slowly', 'second', 'seconds', 'minute', 'minutes', 'long', 'speed', 'forever', 'ages'].map(stem));
/** Whether the text complains that something is slow to load ("takes 15 seconds to load", "loading speed … slow"). */
function slowLoad(tokens: readonly Token[]): boolean {
  let load = false;
  let slow = false;
  for (const t of tokens) {
    if (t.stem === LOAD_STEM) load = true;
    else if (SLOW_WORDS.has(t.stem)) slow = true;
  }
  return load && slow;
}
const BACKUP_STEM = stem('backup');
const BACKUP_RULE = 'vocab:database:backup';
/** Evidence of backups qualified by object storage or by crossing regions ("S3 backups", "cross-region backups"), or undefined. */
function cloudBackup(tokens: readonly Token[], task: string): Evidence | undefined {
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens[k + 1]!.stem !== BACKUP_STEM) continue;
    if (objectStorage(tokens[k]!.lower)) return ev(tokens, task, k, 2, 'cloud-backup', 1);
    if (tokens[k]!.lower === 'region' && k > 0 && tokens[k - 1]!.lower === 'cross') return ev(tokens, task, k - 1, 3, 'cloud-backup', 1);
  }
  return undefined;
}
/** Nouns (stems) naming an app's own stored content. */
const APP_CONTENT = new Set(['file', 'files', 'document', 'documents', 'image', 'images', 'photo', 'photos', 'picture', 'pictures', 'media', 'upload', 'uploads', 'attachment', 'attachments', 'avatar', 'avatars', 'thumbnail', 'thumbnails', 'mediabackend'].map(stem));
/**
 * The app-content reading: when the infrastructure evidence names object storage and the text names the app's
 * content (a word of `APP_CONTENT`, not negated) before it or as its head word, that word is backend evidence,
 * the storage counts in full, and a frontend named only by content words ("profile picture", "thumbnailing") is
 * dropped.
 */
function appContentStorage(tokens: readonly Token[], task: string, negated: Uint8Array, areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ignored: Evidence[]): boolean {
  let storage: Evidence | undefined;
  for (const e of areaEv[AX_INFRA]!) if (objectStorage(e.phrase)) { storage = e; break; }
  if (!storage) return false;
  // (The content comes first, stored in the storage ("images in S3"), or is the storage's head word ("S3 media
  // backend"); content after it is what a bucket is for: "Enable versioning on the S3 bucket for uploads"
  // configures the bucket.)
  const content = (k: number): boolean => APP_CONTENT.has(tokens[k]!.stem) && !negated[k];
  let k = 0;
  while (k < tokens.length && tokens[k]!.end <= storage.end && !content(k)) k++;
  const before = k < tokens.length && tokens[k]!.end <= storage.end;
  const head = !before && k < tokens.length && task.slice(storage.end, tokens[k]!.start).trim() === '' && content(k);
  if (!before && !head) return false;
  credit(areaEv, areaScore, AX_BACKEND, ev(tokens, task, k, 1, 'app-content-storage', 1), 1);
  if (storage.weight < 1) credit(areaEv, areaScore, AX_INFRA, cite(storage, `app-content-storage:${storage.rule}`, 1), 1 - storage.weight);
  const fe = areaEv[AX_FRONTEND];
  if (fe !== undefined && fe.every((e) => e.phrase.split(/[\s-]+/).some((w) => APP_CONTENT.has(stem(w.toLowerCase()))))) dropArea(AX_FRONTEND, 'stored-content', areaEv, areaScore, ignored);
  return true;
}
/** Verbs of syncing ("sync", "synchronize", "synchronise"). */
const SYNC_WORD = /^(sync|synchroni[sz]e)$/;
/** The index of a "sync" word in a text that also speaks of working offline, or -1. */
function offlineSync(tokens: readonly Token[], negated: Uint8Array): number {
  let offline = false;
  let sync = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (negated[k]) continue;
    if (t.lower.startsWith('offline')) offline = true;
    else if (sync < 0 && (t.stem === 'sync' || t.lower.startsWith('synchroni'))) sync = k;
  }
  return offline ? sync : -1;
}
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
/** Infrastructure-as-code and configuration tools (lower case). */
const IAC_TOOLS = new Set(['terraform', 'opentofu', 'pulumi', 'cdk', 'cloudformation', 'ansible', 'crossplane', 'bicep', 'terragrunt']);
/** Whether a move goes "to" an infrastructure-as-code tool ("to Terraform", "to AWS CDK"). */
function iacDestination(tokens: readonly Token[]): boolean {
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens[k]!.lower !== 'to' && tokens[k]!.lower !== 'into') continue;
    const next = tokens[k + 1]!.lower;
    if (IAC_TOOLS.has(next) || (next === 'aws' && tokens[k + 2]?.lower === 'cdk')) return true;
  }
  return false;
}
/** Hosting platforms whose names are common words (hosting objects only when written as names). */
const WORD_NAMED_HOSTS = new Set(['render', 'fly']);
/** Event brokers the data-pipeline vocabulary lists (streams and the app's events alike). */
const EVENT_BROKER = /^(apache )?(kafka|pulsar)$|^redpanda$/i;
/** Words (stems) of messaging between services: a broker used so is the app's message broker. */
const MESSAGING_USE = new Set(['message', 'messaging', 'consume', 'consumer', 'rabbitmq', 'rabbit'].map(stem));
/** Words (stems) beside an event broker that make it a pipeline's stream or the running broker itself. */
const BROKER_ITSELF = new Set(['pipeline', 'broker', 'cluster', 'topic', 'partition', 'connect', 'connector'].map(stem));
/** Evidence rules of single sign-on's names (rules, not phrases: a set lookup costs less than a pattern per evidence). */
const SINGLE_SIGN_ON_RULES: ReadonlySet<string> = new Set(['vocab:backend:sso', 'vocab:backend:saml', 'vocab:backend:single sign-on']);
const PUSH_NOTIFICATION_RULE = 'vocab:backend:push notification';
/** Words naming the sending side of notifications: the text keeps to it. */
const SENDER_WORDS = new Set(['backend', 'server', 'servers', 'server-side', 'serverside']);
/** Words (stems) of handling a notification on the device. */
const DEVICE_HANDLING = new Set(['tap', 'tapping', 'tapped', 'swipe', 'dismiss', 'badge', 'sound', 'vibrat'].map(stem));
const RECEIVE_STEM = stem('receive');
/** Words before "receive" that say a notification does not arrive. */
const NOT_ARRIVING = new Set(['not', 'cannot', "can't", 'cant', "won't", 'wont', 'never', "doesn't", "don't", 'no', 'longer', 'unable', 'stopped']);
/**
 * Push notifications: the app receiving them is frontend work beside the backend that sends them. A text about
 * one arriving or being handled on the device ("cannot receive push notifications with the latest version of
 * the App", "Handle push notification tap on iOS") concerns the app alone when nothing else names the backend.
 */
function pushNotificationReading(r: Reading, areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ignored: Evidence[]): void {
  const { tokens, negated } = r;
  const push = areaEv[AX_BACKEND]!.find((e) => e.rule === PUSH_NOTIFICATION_RULE);
  if (push === undefined) return;
  let deviceSide = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (SENDER_WORDS.has(t.lower)) return;
    if (DEVICE_HANDLING.has(t.stem) && !negated[k]) deviceSide = true;
    else if (t.stem === RECEIVE_STEM) for (let j = Math.max(0, k - 3); j < k; j++) if (NOT_ARRIVING.has(tokens[j]!.lower)) deviceSide = true;
  }
  const app = cite(push, `push-notification-app:${push.rule}`, 1);
  if (deviceSide && areaEv[AX_BACKEND]!.every((e) => e === push || e.weight < 1)) {
    dropArea(AX_BACKEND, 'push-notification-received', areaEv, areaScore, ignored);
    areaEv[AX_FRONTEND] = [app, ...(areaEv[AX_FRONTEND] ?? [])];
    areaScore[AX_FRONTEND] = areaScore[AX_FRONTEND]! + 1;
  } else if (areaEv[AX_FRONTEND] === undefined) credit(areaEv, areaScore, AX_FRONTEND, app, 1);
}
/** Managed database services that are also provisioned cloud resources. */
const MANAGED_DATABASE = /^(rds|amazon rds|aws rds|cloud sql|cloudsql|aurora|amazon aurora|azure sql|elasticache|memorystore)$/i;

/** Words (stems) that name work on a database itself rather than the database. */
const DB_WORK = new Set(['schema', 'index', 'indexes', 'query', 'queries', 'migrate', 'migration', 'backup', 'restore', 'store', 'storage', 'partition', 'replica', 'replicate', 'replication', 'shard', 'tune', 'tuning', 'column', 'constraint', 'trigger', 'procedur', 'upsert', 'vacuum'].map(stem));

/**
 * A managed container service ("EKS", "GKE", "ECS", "Fargate") is both a container platform and a
 * cloud resource, so its name alone counts for both areas. When the text's other words say which
 * side the work is on, the name is read on that side only: "Terraform for the EKS cluster", "Fargate
 * vs. EC2 costs" are cloud work (§3 infrastructure: cloud resources); "Docker Swarm to AKS" is
 * container work. Both or neither named otherwise, or a move onto or off the service: both readings stay.
 */
function managedServiceReading(areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ignored: Evidence[]): void {
  const k8s = areaEv[AX_K8S];
  const infra = areaEv[AX_INFRA];
  if (!k8s || !infra) return;
  const k8sOther = k8s.some((e) => e.weight >= 1 && !MANAGED_SERVICE.test(e.phrase));
  const infraOther = infra.some((e) => e.weight >= 1 && !MANAGED_SERVICE.test(e.phrase));
  if (k8sOther === infraOther) return;
  const drop = k8sOther ? AX_INFRA : AX_K8S;
  const list = areaEv[drop]!;
  const kept: Evidence[] = [];
  for (const e of list) {
    if (MANAGED_SERVICE.test(e.phrase)) {
      ignored.push(cite(e, `managed-service-side:${e.rule}`));
      areaScore[drop] -= e.weight;
    } else kept.push(e);
  }
  areaEv[drop] = kept.length > 0 ? kept : undefined;
}

/** L1 concerns, user-story framing (returned as `userFacing` for the frontend inference), and the areas a capability user story implies (pushed onto `areas`). */
function readConcerns(
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

/** Backend phrases of signing in or being notified, whose user side is a provider's page or a message. */
const ACCOUNT_OR_MESSAGE = /^(log ?in|login|logins|sign[- ]?in|sign[- ]?on|password|passwords|totp|2fa|two-factor|mfa|oauth2?|sso|single sign-on|notifications?|email|e-mail|emails|sms|push notifications?)$/i;
/** Stems of an app's screens and of mobile apps. */
const UI_NAMES = new Set(['mobile', 'ios', 'android', 'screen', 'page', 'button', 'form', 'ui', 'dashboard', 'biometric', 'biometrics'].map(stem));
/** Whether hit h is a generic "replace"/"swap" (one word, no catalogued technology in its clause). */
function genericReplace(text: string, tokens: readonly Token[], h: Hit, clauseOf: Uint32Array, techClauses: Uint8Array, keep: readonly Hit[]): boolean {
  return h.n === 1 && REPLACE_STEMS.has(tokens[h.i]!.stem) && techClauses[clauseOf[h.i]!] !== 1 && !namedReplacement(text, tokens, h.i, keep);
}
/**
 * Whether "replace A with B" names both as products: written with a capital mid-sentence ("replace APScheduler with
 * Celery beat"), or as one-word names of one area's vocabulary ("Replace sequelize with prisma", "replace algolia
 * with meilisearch"): one technology for another, though the catalogues list neither.
 */
function namedReplacement(text: string, tokens: readonly Token[], i: number, keep: readonly Hit[]): boolean {
  const a = tokens[i + 1];
  if (a === undefined || a.clauseStart) return false;
  const aName = capitalised(text, a);
  const aHit = aName ? undefined : oneWordName(keep, i + 1);
  if (!aName && aHit === undefined) return false;
  for (let k = i + 2; k < Math.min(tokens.length, i + 5) && !tokens[k]!.clauseStart; k++) {
    if (tokens[k]!.lower !== 'with' && tokens[k]!.lower !== 'by') continue;
    const b = tokens[k + 1];
    if (b === undefined || b.clauseStart) return false;
    if (aName) return capitalised(text, b);
    const bHit = oneWordName(keep, k + 1);
    return bHit !== undefined && bHit.sense.t === 'area' && aHit!.sense.t === 'area' && bHit.sense.ax === aHit!.sense.ax && tokens[k + 1]!.stem !== a.stem;
  }
  return false;
}
/** The full-weight one-word area hit at token i, or undefined. */
function oneWordName(keep: readonly Hit[], i: number): Hit | undefined {
  for (const h of keep) if (h.i === i && h.n === 1 && h.sense.t === 'area' && h.sense.weight >= 1) return h;
  return undefined;
}

/** What the scope-signal pass reads from the earlier passes. */
interface SignalInput {
  readonly keep: readonly Hit[];
  /** Final areas; the hosting-migration rule may add one. */
  readonly finalAreas: AreaFinding[];
  readonly concerns: ConcernFinding[];
  readonly firstVerb: Hit | undefined;
  readonly docsHit: Hit | undefined;
  readonly isStrategy: boolean;
  readonly strategyOnly: boolean;
  /** The task sets out to achieve a certification. */
  readonly certAction: boolean;
  /** Clauses naming a catalogued technology (indexes into the clause scratch array). */
  readonly techClauses: Uint8Array;
}

/**
 * The hits outside every negation's scope. Usually that is all of them: then the array itself is
 * returned (read-only) instead of a copy, one allocation fewer per cue kind per analysis.
 */
function unnegated<H extends { readonly i: number }>(hits: readonly H[], negated: Uint8Array): readonly H[] {
  for (const h of hits) if (negated[h.i]) return hits.filter((x) => !negated[x.i]);
  return hits;
}

/** Appends a scope signal of `kind` when it has evidence. */
function addSignal(signals: ScopeSignal[], kind: ScopeSignalKind, e: readonly Evidence[]): void {
  if (e.length > 0) signals.push({ kind, evidence: e });
}

/** Whether the hits' first tokens have at least two different stems ("MySQL … PostgreSQL"). */
function twoDistinctStems(tokens: readonly Token[], hits: readonly Hit[]): boolean {
  for (let k = 1; k < hits.length; k++) if (tokens[hits[k]!.i]!.stem !== tokens[hits[0]!.i]!.stem) return true;
  return false;
}

/** Stems of a store's use as the app's cache or session store; `BROKER_USE` words outside it are a queue's. */
const CACHE_USE = new Set(['cache', 'caching', 'cached', 'session'].map(stem));
/**
 * Whether the key-value store at token i serves, in its sentence, as a cache or session store and not also as
 * a queue or job broker ("celery with rabbitmq and redis" is a broker; "a Redis caching layer" a cache).
 */
function cacheStoreUse(tokens: readonly Token[], text: string, i: number): boolean {
  let cache = false;
  const lo = sentenceStart(tokens, text, i);
  for (let k = lo; k < tokens.length; k++) {
    if (k > lo && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if ((wordClasses(tokens[k]!) & C_BROKER_USE) === 0) continue;
    if (CACHE_USE.has(tokens[k]!.stem)) cache = true;
    else return false;
  }
  return cache;
}
/** Nouns after a key-value store's name that name the running store itself ("a Redis cluster"). */
const STORE_DEPLOYMENT = new Set(['cluster', 'clusters', 'instance', 'instances', 'server', 'servers', 'sentinel', 'replica', 'replicas']);
const RATE_STEM = stem('rate');
const LIMIT_STEM = stem('limit');
/** Whether "rate limit(ing)" stands in token i's sentence (a limiter or throttling word is a `BROKER_USE` word). */
function rateLimitInSentence(tokens: readonly Token[], text: string, i: number): boolean {
  for (let k = sentenceStart(tokens, text, i) + 1; k < tokens.length; k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (tokens[k]!.stem === LIMIT_STEM && tokens[k - 1]!.stem === RATE_STEM) return true;
  }
  return false;
}
/** The first token of token i's sentence (sentences end at . ; ! ? or a line break, see `sentenceBreak`). */
function sentenceStart(tokens: readonly Token[], text: string, i: number): number {
  let lo = i;
  while (lo > 0 && !sentenceBreak(text, tokens[lo - 1]!.end, tokens[lo]!.start)) lo--;
  return lo;
}
/** Whether a token of word class `cls` stands in the same sentence (between . ; ! ? or a line break) as token i. */
function classInSentence(tokens: readonly Token[], text: string, i: number, cls: number): boolean {
  for (let k = i; k >= 0; k--) {
    if ((wordClasses(tokens[k]!) & cls) !== 0) return true;
    if (k > 0 && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
  }
  for (let k = i + 1; k < tokens.length; k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if ((wordClasses(tokens[k]!) & cls) !== 0) return true;
  }
  return false;
}

/**
 * The first token after the label an issue title opens with: bracketed tags ("[SERVER] ", "[Dev] "), or
 * up to four words before ": " or " - " ("feat(api): ", "Tech Debt: ", "RR-639 - "); 0 when there is none.
 */
function titleStart(task: string, tokens: readonly Token[]): number {
  let p = 0;
  while (task.charCodeAt(p) === 91 /* [ */) {
    const q = task.indexOf(']', p);
    if (q < 0 || q - p > 40) break;
    p = q + 1;
    while (task.charCodeAt(p) === 32) p++;
  }
  if (p === 0) {
    for (let k = 0; k < 4 && k + 1 < tokens.length; k++) {
      const a = tokens[k]!.end;
      const b = tokens[k + 1]!.start;
      let q = a;
      if (task.charCodeAt(q) === 41 /* ) */) q++;
      if (task.charCodeAt(q) === 58 /* : */ && q + 1 < b) { p = b; break; }
      if (b - a === 3 && task.charCodeAt(a) === 32 && task.charCodeAt(a + 2) === 32 && /[-\u2013\u2014]/.test(task[a + 1]!)) { p = b; break; }
    }
  }
  if (p === 0) return 0;
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < p) i++;
  return i;
}

/** Whether text[from, to) (the gap between two tokens) ends a sentence. */
function sentenceBreak(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 59 || c === 33 || c === 63 || c === 10) return true; // ; ! ? \n
    // A full stop ends a sentence only before a space or the end: "districtbuilder.org", "v1.2" go on.
    if (c === 46 && (p + 1 >= text.length || text.charCodeAt(p + 1) === 32 || text.charCodeAt(p + 1) === 10 || text.charCodeAt(p + 1) === 9 || text.charCodeAt(p + 1) === 13)) return true;
  }
  return false;
}

/**
 * Whether the text names release automation (ROUTING §3 CI/CD): a publishing word with a word naming a
 * built artifact or registry up to three tokens before or five after it in its clause ("Helm chart
 * publishing", "Publish the Python SDK to PyPI"), or an automating word up to three tokens before a
 * delivery word ("Automate deployment", "automatic way to build").
 */
function releaseAutomation(tokens: readonly Token[], classes: number, clauseOf: Uint32Array): boolean {
  const publish = (classes & C_PUBLISH) !== 0 && (classes & C_ARTIFACT) !== 0;
  const automate = (classes & C_AUTOMATE) !== 0 && (classes & C_DELIVERY) !== 0;
  if (!publish && !automate) return false;
  for (let i = 0; i < tokens.length; i++) {
    const ci = wordClasses(tokens[i]!);
    if (publish && (ci & C_PUBLISH) !== 0) {
      // Three words back ("Helm chart publishing"), five forward: the verb's object or destination ("Publish the Python SDK to PyPI").
      for (let k = Math.max(0, i - 3); k <= i + 5 && k < tokens.length; k++) {
        if (k !== i && (wordClasses(tokens[k]!) & C_ARTIFACT) !== 0 && clauseOf[k] === clauseOf[i]) return true;
      }
    }
    if (automate && (ci & C_AUTOMATE) !== 0) {
      for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
        if ((wordClasses(tokens[k]!) & C_DELIVERY) !== 0 && clauseOf[k] === clauseOf[i]) return true;
      }
    }
  }
  return false;
}

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

/** Whether the character at `at` stands on a markdown heading line ("## Proposal"). */
function markdownHeading(text: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && text.charCodeAt(p) !== 10) p--;
  let q = p + 1;
  while (q < at && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
  return text.charCodeAt(q) === 35; // #
}

/** The first token after the title's label (see `titleStart`), read once per analysis. */
function titleOf(r: Reading): number {
  if (r.title < 0) r.title = titleStart(r.task, r.tokens);
  return r.title;
}

/** Where the task's first purpose clause starts (see `purposeStart`), read once per analysis. */
function purposeOf(r: Reading): number {
  if (r.purpose < 0) r.purpose = (r.classes & C_PURPOSE) === 0 ? r.tokens.length : purposeStart(r.tokens);
  return r.purpose;
}

/** Where the first purpose clause starts ("to reduce…", "so that…", "in order to…", "reducing…"), or the token count. */
function purposeStart(tokens: readonly Token[]): number {
  // Anchored on the words of class C_PURPOSE (a purpose verb, "so", "order"), in position order.
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if ((wordClasses(t) & C_PURPOSE) === 0) continue;
    const st = t.stem;
    if (PURPOSE_VERBS.has(st)) {
      if (k >= 2 && tokens[k - 1]!.lower === 'to') return k - 1;
      if (t.lower.endsWith('ing') && !t.clauseStart) return k;
    } else if (st === 'so') {
      if (tokens[k + 1]?.lower === 'that' && t.lower === 'so') return k;
      // "… so QA can reproduce #4821", "so we can drop the old one": "so", a short subject and a modal.
      // ("so we should begin…" draws a consequence: obligation modals do not count.)
      if (t.lower === 'so' && !tokens[k + 1]?.clauseStart && (ENABLING_MODALS.has(tokens[k + 2]?.lower ?? '') || (ENABLING_MODALS.has(tokens[k + 3]?.lower ?? '') && !MODALS.has(tokens[k + 1]?.lower ?? '')))) return k;
    } else if (k >= 2 && t.lower === 'order' && tokens[k - 1]!.lower === 'in' && tokens[k + 1]?.lower === 'to') return k - 1;
  }
  return tokens.length;
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

/** Whether the token is written exactly as a catalogue's exact-case name (the slice is taken only for listed words). */
function exactCaseName(t: Token): boolean {
  const name = EXACT_CASE_NAMES.get(t.lower);
  return name !== undefined && name === t.raw;
}

/** "A migration script/file for …": the migration as a file of schema changes. */
const MIGRATION_FILE = new Set(['script', 'file'].map(stem));
/** Words after "migrations" that make them a move of something (from, to, of …), not a project's migration files. */
const MOVE_LINKS = new Set(['from', 'to', 'of', 'into', 'onto', 'between', 'across']);
/** Words before "migrations" that make them a store's schema migrations. */
const SCHEMA_MIGRATION_KINDS = new Set(['db', 'database', 'sql', 'schema', 'prisma', 'alembic', 'flyway', 'liquibase', 'knex', 'sequelize', 'typeorm', 'django', 'rails', 'ecto']);

/**
 * Whether hit h is a schema migration ("a database migration to add the status column"): the noun
 * "migration" followed by "to/that" and a schema-change verb, with a schema object in its clause. Such a
 * migration script is one contained schema change, not moving between technologies (§4, §6).
 */
function schemaMigration(tokens: readonly Token[], h: Hit): boolean {
  const t = tokens[h.i]!;
  if (h.n !== 1 || t.stem !== 'migration') return false;
  // Migrations run or applied ("Apply all migrations to production DB") are schema changes already written.
  for (let k = h.i - 1; k >= Math.max(0, h.i - 3); k--) {
    if (RUN_MIGRATION_VERBS.has(tokens[k]!.stem)) return true;
    if (tokens[k + 1]!.clauseStart) break;
  }
  // … also when the verb follows them ("Migrations should be run in Fargate", "migrations are applied on deploy").
  if (t.lower === 'migrations' && stemInClauseAfter(tokens, h.i, 3, RUN_MIGRATION_VERBS)) return true;
  // "DB migrations", "SQL migrations": a store's schema migrations, plural, are files of schema changes.
  if (t.lower === 'migrations' && h.i > 0 && SCHEMA_MIGRATION_KINDS.has(tokens[h.i - 1]!.lower)) return true;
  // A project's plural "migrations" that move nothing from or to anything ("make migrations replica compatible")
  // are its migration files; "a data source for migrations" is a product's migration feature.
  if (t.lower === 'migrations' && !MOVE_LINKS.has(tokens[h.i + 1]?.lower ?? '') && tokens[h.i - 1]?.lower !== 'for') return true;
  // "Migration plan for database schemas": the migration of a schema.
  for (let k = h.i + 1; k < Math.min(tokens.length, h.i + 6) && !tokens[k]!.clauseStart; k++) if (tokens[k]!.stem === SCHEMA_STEM) return true;
  const link = tokens[h.i + 1]?.lower;
  // "A migration script for the new column", "a migration for the orders table index": a schema object
  // close after it, and nothing moved from one thing to another.
  if (link === 'for' || MIGRATION_FILE.has(tokens[h.i + 1]?.stem ?? '')) {
    let object = false;
    for (let k = h.i + 1; k < Math.min(tokens.length, h.i + 7) && !tokens[k]!.clauseStart; k++) {
      if (tokens[k]!.lower === 'from') return false;
      if (SCHEMA_OBJECTS.has(tokens[k]!.stem)) object = true;
    }
    if (object) return true;
  }
  if ((link !== 'to' && link !== 'that') || !SCHEMA_CHANGE_VERBS.has(tokens[h.i + 2]?.stem ?? '')) return false;
  for (let k = h.i + 3; k < tokens.length && !tokens[k]!.clauseStart; k++) if (SCHEMA_OBJECTS.has(tokens[k]!.stem)) return true;
  return false;
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

/** Whether the token starts with a capital letter (A–Z); read from the text, no slice of the token taken. */
function capitalised(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return c >= 65 && c <= 90;
}

/** Whether hit h is the "set" of "set up". */
function setUp(tokens: readonly Token[], h: Hit): boolean {
  return tokens[h.i]!.lower === 'set' && tokens[h.i + 1]?.lower === 'up';
}

/** Whether one of the verb hits is a building verb (BUILD_VERBS). */
function anyBuildVerb(tokens: readonly Token[], verbs: readonly Hit[]): boolean {
  for (const h of verbs) if (BUILD_VERBS.has(verbKey(tokens, h))) return true;
  return false;
}

/** Scope signals (ROUTING §4) and live operations (§5). */
function readSignals(r: Reading, x: SignalInput): { signals: ScopeSignal[]; live: LiveOpsFinding } {
  const { tokens, negated } = r;
  const { finalAreas, docsHit, isStrategy, strategyOnly, certAction } = x;
  // Scope signals (ROUTING §4).
  const signals: ScopeSignal[] = [];
  // A document about an operation (a runbook, a guide) does not carry it out, any more than a plan does.
  const rolloutNamed = namedRollout(r, isStrategy || docsHit !== undefined);
  // An investigation ("Investigate using Argo CD to deploy to our environments") delivers findings: the
  // operation it looks into is not carried out (§5), though it is no strategy deliverable (§4 "investigations").
  const investigation = r.firstVerb !== undefined && INVESTIGATION_VERBS.has(tokens[r.firstVerb.i]!.stem) && r.firstVerb.i <= 1;
  const live = detectLive(r, finalAreas, isStrategy || docsHit !== undefined || investigation, rolloutNamed);

  let migVerbs = unnegated(hitsOf(r, CX_MIGRATION_VERB), negated);
  // (A migration named in a quoted title being reworded is not carried out.)
  if (migVerbs.length > 0 && r.renaming) migVerbs = migVerbs.filter((h) => !quotedTitleWord(r, h));
  // Schema migrations being run ("Run the migrations in ECS") move nothing between technologies.
  if (migVerbs.length > 0) {
    let schema: Hit | undefined;
    const moves: Hit[] = [];
    for (const h of migVerbs) if (!schemaMigration(tokens, h)) moves.push(h); else schema ??= h;
    if (schema !== undefined) {
      migVerbs = moves;
      // Schema migrations change the database (§3) even where no store is named ("Migrations should be run in Fargate").
      if (!isStrategy && !docsHit && !strategyOnly && !finalAreas.some((a) => a.area === 'database')) inferArea(finalAreas, 'database', 0.55, cite(schema.ev, `inferred:schema-migration:${schema.ev.rule}`, 0.5));
    }
  }
  // A move told in the past in a relative clause ("local files that just migrated to AWS S3") describes what the
  // work deals with, not a move to make.
  if (migVerbs.length > 0) migVerbs = migVerbs.filter((h) => !pastInRelativeClause(tokens, h.i));
  // "Transfer" and "shift" move things only as verbs ("Transfer the site to Hetzner"), not as nouns ("data transfer").
  if (migVerbs.length > 0) migVerbs = migVerbs.filter((h) => !NOUN_OR_VERB_MOVES.has(tokens[h.i]!.stem) || verbPosition(tokens, h.i));
  // A move between release stages ("certification tests to be moved from Beta to Stable", "Move the API to GA")
  // promotes something in place; nothing changes platform.
  if (migVerbs.length > 0) migVerbs = migVerbs.filter((h) => !stagePromotion(tokens, h));
  // A move given as the reason for the work ("Add downtime for NEBRASKA_NRP_OSDF_CACHE due to Data center move") is
  // what the work responds to, not the work.
  if (migVerbs.length > 0) migVerbs = migVerbs.filter((h) => !givenAsReason(tokens, h.i));
  // "Multi-Cloud support" names clouds a tool targets, not a hosting move (§4 "not extreme").
  const hostCues = hitsOf(r, CX_HOSTING_OBJECT);
  // A cloud name as a product's vendor prefix ("into AWS Secrets Manager") names the product, not a host.
  // ("Render" and "Fly" are platforms only as names inside the sentence: "Migrate to Render", not "Render the chart".)
  // (Nor a word inside code: "`$region.storage.juliahub.com`" names a host name's part.)
  const hostObjs = hostCues.length === 0 ? NO_HITS : hostCues.filter((h) => !negated[h.i] && tokens[h.i - 1]?.lower !== 'multi' && !vendorPrefix(r, hostCues, h) && !(r.codeSpans && insideCodeSpan(r.task, tokens[h.i]!.start))
    && (!WORD_NAMED_HOSTS.has(tokens[h.i]!.lower) || (h.i > 0 && capitalised(r.task, tokens[h.i]!) && !tokens[h.i]!.clauseStart)));
  const dbEngines = hitsOf(r, CX_DB_ENGINE);
  const monolith = hitsOf(r, CX_MONOLITH_SPLIT);
  const migEv: Evidence[] = [];
  // "Docker Swarm to AKS": a title naming two hosting platforms joined by "to" (or an arrow, "AWS > GCP") is a
  // move between them (the destination may offer alternatives: "Azure to AWS or GCP").
  let toHost: Hit | undefined;
  if (hostObjs.length >= 2 && tokens.length <= 8) for (let k = 1; k < hostObjs.length && !toHost; k++) if ((hostObjs[0]!.i < hostObjs[k]!.i - 1 && tokens[hostObjs[k]!.i - 1]!.lower === 'to') || arrowBetween(r.task, tokens, hostObjs[0]!, hostObjs[k]!)) toHost = hostObjs[k];
  // ("Upgrade the production cluster to Kubernetes 1.30" is a version upgrade in place, not a move.)
  const titleMove = toHost !== undefined && !/^v?\d/.test(tokens[toHost.i + toHost.n]?.lower ?? '') && !UPGRADE_VERBS.has(tokens[0]!.stem);
  // The destination engine of a database cutover ("cutover to PostgreSQL", "migrate the database to MySQL",
  // "move over to using Postgres as the database").
  // (Moving data out of memory, files or cookies into a store introduces the engine, it replaces none:
  // "Move sessions from memory to Redis".)
  // ("Migrate off of Tokyo Cabinet in favour of Postgres" names the destination too.)
  const dbDest = migVerbs.length > 0 && dbEngines.some((h) => h.i > 0 && (tokens[h.i - 1]!.lower === 'to' || (h.i > 1 && tokens[h.i - 2]!.lower === 'to' && (tokens[h.i - 1]!.lower === 'using' || tokens[h.i - 1]!.lower === 'use'))
    || (h.i > 2 && tokens[h.i - 1]!.lower === 'of' && (tokens[h.i - 2]!.lower === 'favour' || tokens[h.i - 2]!.lower === 'favor') && tokens[h.i - 3]!.lower === 'in')))
    && !fromNonDatabase(tokens)
    // (A search engine given up for the database's own text search, "Convert to using Postgres text search - replacing
    // Elasticsearch", moves a feature into the database; it replaces no database engine.)
    && !tokens.some((t) => SEARCH_ENGINES.has(t.lower));
  // (The hosting object must be in the migration verb's sentence: "Our staging cluster runs out of IPs.
  // … switch the CNI to prefix delegation" moves nothing between hosts.)
  const hostPair = migVerbs.length > 0 && hostObjs.length > 0 ? sentencePair(tokens, r.task, migVerbs, hostObjs) : undefined;
  let replaced: [Hit, Hit] | undefined;
  let server: Evidence | undefined;
  if (hostPair) migEv.push(hostPair[0].ev, hostPair[1].ev);
  else if (titleMove) migEv.push(hostObjs[0]!.ev, toHost!.ev);
  else if (migVerbs.length > 0 && (twoDistinctStems(tokens, dbEngines) || dbDest)) {
    migEv.push(migVerbs[0]!.ev);
    for (const h of dbEngines) migEv.push(h.ev);
  } else if (monolith.length > 0 && splitsMonolith(tokens, migVerbs)) migEv.push(monolith[0]!.ev);
  else if (hostCues.length >= 2 && (replaced = insteadOf(tokens, hostCues)) !== undefined) migEv.push(...replaced.map((h) => cite(h.ev, `instead-of:${h.ev.rule}`)));
  // "Use postgres instead of mongodb" replaces the database engine as "Replace MongoDB with PostgreSQL" does.
  // (A key-value store instead of the database, "sessions in Redis instead of Postgres", moves one use to a cache.)
  else if (dbEngines.length >= 2 && (replaced = insteadOf(tokens, dbEngines)) !== undefined && !KEY_VALUE_STORES.has(tokens[replaced[0].i]!.lower) && !KEY_VALUE_STORES.has(tokens[replaced[1].i]!.lower)) migEv.push(...replaced.map((h) => cite(h.ev, `instead-of:${h.ev.rule}`)));
  else if (migVerbs.length > 0 && (server = movedServer(tokens, r.task, migVerbs[0]!)) !== undefined) migEv.push(migVerbs[0]!.ev, server);
  else {
    // "Extract the first service (Validation Engine)", "Split billing out into its own service": carving
    // a service out of a running system splits it (§4), though the text does not say "monolith".
    const carve = (r.classes & C_SPLIT) === 0 ? undefined : carvedService(r);
    if (carve) migEv.push(carve);
  }
  // Not extreme (§4): migration scripts and tools, automation around a migration, and documents about it.
  // The tool must be in the migration's own sentence: "Port from DigitalOcean to EC2. Automate deployment
  // using Terraform." performs the move and then automates deployment.
  const toolWord = (r.classes & C_MIGRATION_TOOLING) !== 0 && (migVerbs.length === 0 || classInSentence(tokens, r.task, migVerbs[0]!.i, C_MIGRATION_TOOLING));
  // Moving onto an infrastructure-as-code tool ("Change from cloudformation to Terraform", dev-327; "Migrate Google
  // Cloud Run to Terraform") changes how the infrastructure is described, not where the system runs: not extreme.
  // Nor does preparing for one ("Prepare for Hetzner migration") carry it out.
  const preparing = migEv.length > 0 && tokens[titleOf(r)]?.stem === PREPARE_STEM && tokens[titleOf(r) + 1]?.lower === 'for';
  const migrationTooling = toolWord || docsHit !== undefined || preparing || (migEv.length > 0 && iacDestination(tokens));
  if (!isStrategy && !migrationTooling) addSignal(signals, 'migration', migEv);
  // A tool or script for a migration is not the migration (not extreme), but moving between engines or
  // hosts is still an architecture concern for L1 (§6 "migration… → solution-architect").
  else if (!isStrategy && !docsHit && migEv.length > 0 && !x.concerns.some((c) => c.concern === 'architecture')) {
    const at = x.concerns.findIndex((c) => c.concern === 'compliance');
    x.concerns.splice(at < 0 ? x.concerns.length : at, 0, { concern: 'architecture', score: 0.55, evidence: migEv.map((e) => cite(e, `concern:architecture:migration-tooling:${e.rule}`)) });
  }
  // Moving hosting (to another cloud, self-hosted, a data centre) is infrastructure work even when no
  // infrastructure word stands on its own ("Move it to GCP").
  if (!isStrategy && !docsHit && hostPair !== undefined && finalAreas.length === 0 && !strategyOnly) {
    inferArea(finalAreas, 'infrastructure/cloud', 0.55, cite(hostPair[1].ev, `inferred:hosting-migration:${hostPair[1].ev.rule}`, 0.5));
  }
  // So is moving a server to another host ("Migrate US server to new provider").
  if (!isStrategy && !docsHit && server !== undefined && finalAreas.length === 0 && !strategyOnly) {
    inferArea(finalAreas, 'infrastructure/cloud', 0.55, cite(server, `inferred:hosting-migration:${server.rule}`, 0.5));
  }
  // "Roll out the fraud scoring system to production" deploys it: like "Deploy X", the CI/CD area as well
  // as a live operation (§5), when the roll-out goes to a live environment named in its sentence.
  // ("Roll out the design system to the other app areas" adopts it; no deployment.)
  if (live.live && !docsHit && !finalAreas.some((a) => a.area === 'CI/CD')) {
    const roll = live.evidence.find((e) => /^roll(ing|ed)? ?out$/i.test(e.phrase));
    if (roll && live.evidence.some((e) => e.rule.startsWith('cue:liveTarget:') && e.start > roll.start && PRODUCTION_LIKE.test(e.phrase))) {
      inferArea(finalAreas, 'CI/CD', 0.8, cite(roll, `inferred:roll-out:${roll.rule}`));
    }
  }
  // So is a production launch or go-live named as the work ("Execute the production launch of the app with monitoring
  // and incident response"): the system is deployed to production (CI/CD, §5 "Deploy X").
  // (Not when a strategy verb opens the title: "Plan the production launch" plans it.)
  if (rolloutNamed.length > 0 && !strategyOnly && !finalAreas.some((a) => a.area === 'CI/CD') && !hitsOf(r, CX_STRATEGY_VERB).some((h) => h.i === titleOf(r))) inferArea(finalAreas, 'CI/CD', 0.8, cite(rolloutNamed[0]!, `inferred:production-rollout:${rolloutNamed[0]!.rule}`));
  // (Each list below is read only when its cue kind has hits: an empty list adds no signal.)
  // (A pipeline or tool "for multi-region releases" serves such a system; it does not run across regions.)
  let multi = unnegated(hitsOf(r, CX_MULTI_REGION), negated);
  // ("Add support for Multi-Region" makes the software run there: that one counts.)
  if (multi.length > 0) multi = multi.filter((h) => tokens[h.i - 1]?.lower !== 'for' || tokens[h.i - 2]?.lower === 'support');
  // (Nor the label a title opens with, a package path: "sql/multiregion: support per-super-region survival goals".)
  if (multi.length > 0 && titleOf(r) > 0) multi = multi.filter((h) => h.i >= titleOf(r) || !joinedCue(r.task, tokens, h));
  // A named region ("EU region", "a new region") is one the system expands into only after a verb of expanding
  // ("Add support for EU region"); "users in the EU region" only says where they are.
  if (multi.length > 0) multi = multi.filter((h) => !NAMED_REGION.test(h.ev.phrase) || stemInClauseBefore(tokens, h.i, 4, EXPAND_VERBS));
  // Copies kept in another region ("Cross-region backups", "cross-region snapshot copies") protect data; the
  // system itself still runs in one.
  if (multi.length > 0) multi = multi.filter((h) => !BACKUP_COPIES.has(tokens[h.i + h.n]?.stem ?? ''));
  if (multi.length > 0 && !isStrategy && !docsHit) {
    addSignal(signals, 'multi-region', evidenceOf(multi));
    // Regions and clouds are cloud resources (§3 infrastructure/cloud): a system made to run across them
    // is infrastructure work as well, whatever else the text names ("Deploy failover configurations
    // across regions" builds the deployment and the regional infrastructure).
    if (!strategyOnly && !finalAreas.some((a) => a.area === 'infrastructure/cloud')) inferArea(finalAreas, 'infrastructure/cloud', 0.8, cite(multi[0]!.ev, `inferred:multi-region-infra:${multi[0]!.ev.rule}`));
  }
  // "Run the control plane on both EKS (AWS) and GKE (GCP)": running on two named hosts is multi-cloud.
  else if (!isStrategy && !docsHit && hostObjs.length >= 2) {
    const both = bothHosts(tokens, r.task, hostObjs);
    if (both) addSignal(signals, 'multi-region', [cite(both[0].ev, `multi-cloud:both:${both[0].ev.rule}`), cite(both[1].ev, `multi-cloud:both:${both[1].ev.rule}`)]);
  }
  let hardCues = hitsOf(r, CX_HARD_CONSTRAINT);
  // A recovery objective is a hard constraint only as a numeric target (§4 "numeric availability/recovery targets"):
  // "RTO (2 hrs) and RPO (1 hr)", not "disaster-recovery rehearsal (RPO/RTO)".
  if (hardCues.length > 0 && hardCues.some((h) => RECOVERY_OBJECTIVES.has(tokens[h.i]!.lower))) hardCues = hardCues.filter((h) => !RECOVERY_OBJECTIVES.has(tokens[h.i]!.lower) || numberInSentence(tokens, r.task, h.i));
  const hard = unnegated(hardCues, negated);
  if (hard.length > 0) addSignal(signals, 'hard-constraint', evidenceOf(hard));
  if (certAction) addSignal(signals, 'certification', evidenceOf(hitsOf(r, CX_CERTIFICATION)));
  // Building or deploying a whole product (§4 high); taking a component out of service is neither.
  // (Not a word inside a name: "the cloud-platform repository", "the data-platform team's bucket".)
  let whole = hitsOf(r, CX_WHOLE_SYSTEM);
  if (whole.length > 0 && whole.some((h) => joinedCue(r.task, tokens, h))) whole = whole.filter((h) => !joinedCue(r.task, tokens, h));
  // (Nor what the work serves: "Build an admin interface for platform management".)
  if (whole.length > 0 && whole.some((h) => servedBy(tokens, h))) whole = whole.filter((h) => !servedBy(tokens, h));
  // (Nor a cloud vendor's own product: "(AWS Marketplace)".)
  if (whole.length > 0 && whole.some((h) => vendorProduct(tokens, h))) whole = whole.filter((h) => !vendorProduct(tokens, h));
  // (Nor where a deployment goes: "deploy it to my preferred hosting platform", "Deploy … to … Mission Cloud Platform".)
  if (whole.length > 0 && whole.some((h) => deployDestination(tokens, h))) whole = whole.filter((h) => !deployDestination(tokens, h));
  // A non-production environment is named ("staging", "demo", "sandbox"): the class union says so.
  const nonProd = (r.classes & C_NONPROD) !== 0;
  // A secrets or identity platform deployed on its own ("Deploy Vault", "Deploy production HashiCorp Vault",
  // "Deploy Keycloak") is a platform the organisation runs, deployed whole (§4 high; dev-109).
  if (whole.length === 0 && live.live && !nonProd) {
    const platform = deployedPlatform(r, live.evidence[0]!);
    if (platform) {
      whole = [platform];
      // A secrets platform runs on servers of its own, the infrastructure's (dev-109 "Deploy production HashiCorp Vault");
      // an identity server such as Keycloak is the application's (backend).
      if (tokens[platform.i]!.lower === 'vault' && !finalAreas.some((a) => a.area === 'infrastructure/cloud')) inferArea(finalAreas, 'infrastructure/cloud', 0.55, cite(platform.ev, `inferred:run-platform:${platform.ev.rule}`, 0.5));
    }
  }
  if (whole.length > 0) {
    let builds = false;
    for (const v of hitsOf(r, CX_IMPL_VERB)) { const key = verbKey(tokens, v); if (BUILD_VERBS.has(key) && !DEPLOY_VERBS.has(key)) { builds = true; break; } }
    const buildVerb = builds || anyBuildVerb(tokens, hitsOf(r, CX_LIVE_VERB));
    // (Nor is upgrading one in place: "Monitoring stack upgrade including Prometheus, …".)
    const deploying = live.live && live.evidence[0]!.rule !== 'live:decommission' && !UPGRADE_VERBS.has(stem(live.evidence[0]!.phrase.toLowerCase()));
    // "A demo or staging instance of an existing product is not deploying a whole product" (§4): only
    // building it is.
    if ((buildVerb || deploying) && (builds || !nonProd)) {
      addSignal(signals, 'whole-system', evidenceOf(whole));
      // A shop built whole has its storefront: "an e-commerce platform with auth, payments and inventory" (§4's
      // own example of a whole product with two or more areas) names only backend parts, but a shop is
      // something customers browse. Only a commerce product, and only when it is built, not deployed.
      const shop = builds ? whole.find((h) => spanHasStem(tokens, h, SHOP_WORDS)) : undefined;
      if (shop && !isStrategy && !docsHit && finalAreas.some((a) => a.area === 'backend') && !finalAreas.some((a) => a.area === 'frontend')) {
        inferArea(finalAreas, 'frontend', 0.55, cite(shop.ev, `inferred:shop-storefront:${shop.ev.rule}`, 0.5));
      }
    }
  }
  // A numeric availability, recovery or throughput target is about running the system in production
  // (§4), whether or not the task also carries an operation out.
  const rollout: Evidence[] = [];
  if (hardCues.length > 0) for (const h of hardCues) if (/\d|rto|rpo|availability|sla/i.test(h.ev.phrase)) rollout.push(h.ev);
  // Running or rolling out a whole system in production: a live operation in production on a whole
  // system (product/platform/stack), or scaling the running system.
  if (live.live) {
    const prodEv = evidenceOf(hitsOf(r, CX_PRODUCTION));
    // (Scaling staging or a test environment is no production rollout.)
    const scaleLive = nonProd ? [] : live.evidence.filter((e) => /^scal/i.test(e.phrase));
    if (prodEv.length > 0 && whole.length > 0) rollout.push(...prodEv, ...evidenceOf(whole));
    // "Roll out the new billing system to production": a new system taken live is a whole system (§4 high
    // with two or more areas); "system" alone is too common a word to be a whole-system cue elsewhere.
    else if (prodEv.length > 0 && !nonProd) { const sys = newSystem(r); if (sys) rollout.push(...prodEv, sys); }
    rollout.push(...scaleLive);
  }
  // The rollout to production named as the work rolls the whole system out (§4 high with two or more areas).
  rollout.push(...rolloutNamed);
  addSignal(signals, 'production-rollout', rollout);
  readScopeSize(r, x, signals);
  return { signals, live };
}

/** Whether hit h follows a cloud provider's name: that vendor's own product ("AWS Marketplace"). */
function vendorProduct(tokens: readonly Token[], h: Hit): boolean {
  return h.i > 0 && CLOUD_PROVIDERS.test(tokens[h.i - 1]!.lower);
}

/** Prepositions that name where a deployment goes. */
const DESTINATION_PREPOSITIONS = new Set(['to', 'onto', 'into', 'on']);
/**
 * Whether hit h ends a phrase opened by "to" (or "onto", "into", "on") within seven words before it, in a clause
 * where a deployment was named earlier: the place the deployment goes, not what it builds.
 */
function deployDestination(tokens: readonly Token[], h: Hit): boolean {
  for (let k = h.i - 1; k >= Math.max(0, h.i - 7); k--) {
    if (tokens[k + 1]!.clauseStart) return false;
    if (!DESTINATION_PREPOSITIONS.has(tokens[k]!.lower)) continue;
    for (let j = k - 1; j >= 0; j--) {
      if (DEPLOY_WORD.test(tokens[j]!.lower)) return true;
      if (tokens[j]!.clauseStart) return false;
    }
    return false;
  }
  return false;
}

/** Evidence phrases of a cluster. */
const CLUSTER_WORD = /^clusters?$/i;
/** Evidence phrases of deploying. */
const DEPLOY_WORD = /^(deploy|deploys|deployed|deploying|deployment|deployments)$/i;
/**
 * Whether the weak Kubernetes evidence is only clusters that CI/CD evidence deploys to: a deployment named before
 * them, and no other area's full word right before a cluster ("Kafka cluster", "Vault cluster"; a weak word such as
 * "staging" leaves "staging cluster" a Kubernetes one).
 */
function deployedCluster(k8s: readonly Evidence[], cicd: readonly Evidence[] | undefined, areaHits: readonly Hit[]): boolean {
  if (cicd === undefined || !k8s.every((e) => CLUSTER_WORD.test(e.phrase))) return false;
  const deploy = cicd.find((e) => DEPLOY_WORD.test(e.phrase));
  if (deploy === undefined || deploy.start > k8s[0]!.start) return false;
  for (const e of k8s) for (const h of areaHits) if (h.ev.end < e.start && e.start - h.ev.end <= 1 && h.sense.t === 'area' && h.sense.weight >= 1) return false;
  return true;
}

/** Secrets and identity platforms an organisation deploys and runs as systems of their own. */
const RUN_PLATFORMS = new Set(['vault', 'keycloak', 'authentik', 'zitadel', 'authelia']);
/** The area hit of a platform name (RUN_PLATFORMS) within three words after an opening "deploy" (the live evidence), or undefined. */
function deployedPlatform(r: Reading, opening: Evidence): Hit | undefined {
  if (!/^deploy(ing)?$/i.test(opening.phrase)) return undefined;
  const { tokens } = r;
  const i = tokens.findIndex((t) => t.start === opening.start);
  if (i < 0) return undefined;
  for (const h of r.areaHits) if (h.i > i && h.i <= i + 3 && h.n === 1 && RUN_PLATFORMS.has(tokens[h.i]!.lower) && !clauseBreakBetween(tokens, i, h.i)) return h;
  return undefined;
}
/** Whether a clause starts after token a, up to token b. */
function clauseBreakBetween(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (tokens[k]!.clauseStart) return true;
  return false;
}

/** Operations (stems) whose "test" is a drill on a running system ("restore test", "failover test"). */
const DRILLED_OPERATIONS = new Set(['restore', 'restoration', 'recovery', 'failover', 'backup', 'dr'].map(stem));

/** Evidence phrases of autoscaling. */
const AUTOSCALING = /^auto-?scal/i;

/** Recovery objectives, which bind only with a number. */
const RECOVERY_OBJECTIVES = new Set(['rto', 'rpo']);
/** Whether some token of token i's sentence starts with a digit. */
function numberInSentence(tokens: readonly Token[], task: string, i: number): boolean {
  for (let k = sentenceStart(tokens, task, i); k < tokens.length; k++) {
    if (k > i && sentenceBreak(task, tokens[k - 1]!.end, tokens[k]!.start)) break;
    const c = tokens[k]!.lower.charCodeAt(0);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Verbs that replace or withdraw a secret where it is used (stems). */
const SECRET_VERBS = new Set(['rotate', 'revoke', 'deactivate'].map(stem));
/** Nouns naming a secret (stems). */
const SECRET_NOUNS = new Set(['key', 'secret', 'credential', 'token', 'password', 'certificate'].map(stem));
/** Auxiliaries before a passive verb form ("should be rotated", "have been revoked"). */
const PASSIVE_AUX = new Set(['be', 'been', 'being', 'is', 'are']);
/**
 * Whether a secret noun goes with the verb at token i: within six words after it, or earlier in its clause (the
 * subject of a passive, "Any secret value … should be rotated").
 */
function secretNear(tokens: readonly Token[], i: number): boolean {
  return stemInClauseAfter(tokens, i, 6, SECRET_NOUNS) || stemInClauseBefore(tokens, i, 12, SECRET_NOUNS);
}

/**
 * The rollout to production named as the work itself: "Production deployment with full monitoring", "Production
 * Go-Live", "the production launch of the application" (not a plan, guide or preparation for it, nor a staging one).
 */
function namedRollout(r: Reading, planOrDocs: boolean): Evidence[] {
  const named: Evidence[] = [];
  if (planOrDocs || (r.classes & C_NONPROD) !== 0) return named;
  const { tokens, negated } = r;
  const prod = hitsOf(r, CX_PRODUCTION);
  if (prod.length === 0 || tokens.some((t) => t.stem === PREPARE_STEM)) return named;
  for (const h of prod) {
    if (negated[h.i]) continue;
    const w = h.ev.phrase.toLowerCase();
    const next = tokens[h.i + h.n]?.stem ?? '';
    if (w === 'go-live' || w === 'go live' || ((w === 'production' || w === 'prod') && ROLLOUT_NOUNS.has(next))) named.push(h.ev);
  }
  return named;
}

/** Nouns that, after "production", name the rollout itself ("production deployment", "production launch"). Stems. */
const ROLLOUT_NOUNS = new Set(['deployment', 'launch', 'rollout', 'go-live', 'cutover'].map(stem));
const PREPARE_STEM = stem('prepare');

/** Verbs that, opening a task naming a technology, make it an integration of that technology (stems). */
const INTEGRATION_LEADS: ReadonlySet<string> = new Set(['implement', 'integrat', 'support', 'adopt', 'introduc']);

/** Whether any token of the task reads as a verb (see verbAt). */
function anyVerb(tokens: readonly Token[], end: number = tokens.length): boolean {
  for (let i = 0; i < end; i++) if (verbAt(tokens, i)) return true;
  // An unlisted word opening the title before a determiner is an imperative verb: "Backfill the new
  // column", "Rate limit the login endpoint" (a noun title reads "Dashboard for the API").
  for (let k = 1; k <= 2 && k < end; k++) {
    if (tokens[k]!.clauseStart || QUALIFIER_PREPS.has(tokens[k]!.lower) || TEST_SUBJECT_PREPS.has(tokens[k]!.lower)) break;
    if (TITLE_DETERMINERS.has(tokens[k]!.lower)) return true;
  }
  return false;
}
/** Build verbs (keys) that only deploy or release what exists. */
const DEPLOY_VERBS = new Set(['deploy', 'launch', 'ship', 'rollout', 'roll out']);
/** Live targets that are environments a deployment goes to. */
const PRODUCTION_LIKE = /^(production|prod|staging|live|cluster|region|all regions)$/i;
/** Verbs (stems) of an in-place version change. */
const UPGRADE_VERBS = new Set(['upgrade', 'update', 'bump'].map(stem));
/** Determiners that follow an imperative verb's first word ("Backfill the…", "Rate limit all…"). */
const TITLE_DETERMINERS = new Set(['the', 'a', 'an', 'our', 'all', 'every', 'each', 'this', 'these', 'those', 'my', 'your', 'its', 'their']);

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
function readScopeSize(r: Reading, x: SignalInput, signals: ScopeSignal[]): void {
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
 * Whether area hit h names a product: a catalogued name, one the catalogues list in this exact case, or a word
 * written with a capital where capitals tell: by default in text not in Title Case ("Add support for Hetzner").
 */
function writtenAsName(task: string, tokens: readonly Token[], h: Hit, capitalsTell?: boolean): boolean {
  return h.sense.tech || exactCaseName(tokens[h.i]!) || (capitalised(task, tokens[h.i]!) && (capitalsTell ?? !isTitleCase(tokens, task)));
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
/**
 * "Migrate US server to new provider", "Move Metabase server to infomaniak": a server that the move verb takes as
 * its object (within three words after it), followed by where it goes ("to", "onto", "from", "away"), is moved
 * to another host. (A server as the destination, "Move validation to the server", is code moving.)
 */
function movedServer(tokens: readonly Token[], task: string, verb: Hit): Evidence | undefined {
  for (let k = verb.i + verb.n; k < tokens.length && k <= verb.i + verb.n + 2; k++) {
    const w = tokens[k]!.lower;
    if (DESTINATION_PREPS.has(w)) return undefined;
    if ((w === 'server' || w === 'servers') && MOVE_DIRECTIONS.has(tokens[k + 1]?.lower ?? '')) {
      // (Moving servers to another operating system or version upgrades them in place: "Migrate the servers to Ubuntu 24.04".)
      const dest = tokens[k + 2];
      if (dest && (OPERATING_SYSTEMS.has(dest.lower) || /^v?\d/.test(dest.lower) || /^v?\d/.test(tokens[k + 3]?.lower ?? ''))) return undefined;
      return ev(tokens, task, k, 1, 'moved-server', 1);
    }
  }
  return undefined;
}
/** Operating systems a server is upgraded to in place. */
const OPERATING_SYSTEMS = new Set(['ubuntu', 'debian', 'centos', 'rhel', 'rocky', 'alma', 'almalinux', 'fedora', 'windows', 'linux', 'freebsd', 'alpine']);
/** Prepositions that introduce where a moved thing goes. */
const DESTINATION_PREPS = new Set(['to', 'into', 'onto']);
/** Words that say where a moved thing goes or leaves. */
const MOVE_DIRECTIONS = new Set([...DESTINATION_PREPS, 'from', 'away', 'off']);
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
/** Whether hit b follows hit a with only an arrow between them ("AWS > GCP", "Heroku -> Render", "A → B"). */
function arrowBetween(task: string, tokens: readonly Token[], a: Hit, b: Hit): boolean {
  if (a.i + a.n !== b.i) return false;
  return /^\s*(->|→|=>|>)\s*$/.test(task.slice(tokens[b.i - 1]!.end, tokens[b.i]!.start));
}
/** Whether token i is a past-tense verb ("-ed") right after "that"/"which"/"who", an adverb like "just" allowed between. */
function pastInRelativeClause(tokens: readonly Token[], i: number): boolean {
  if (!tokens[i]!.lower.endsWith('ed')) return false;
  let k = i - 1;
  if (k >= 0 && PAST_ADVERBS.has(tokens[k]!.lower)) k--;
  return k >= 0 && RELATIVE_PRONOUNS.has(tokens[k]!.lower);
}
/** Adverbs that may stand between a relative pronoun and its past-tense verb ("that just migrated"). */
const PAST_ADVERBS = new Set(['just', 'recently', 'already', 'previously', 'once']);
/** Words that open a relative clause. */
const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who']);
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

/**
 * Whether hosting cue h is directly followed by an area phrase that is no hosting object itself ("AWS Secrets Manager"),
 * or is the first word of another area's product name ("Azure Pipelines").
 */
function vendorPrefix(r: Reading, hostCues: readonly Hit[], h: Hit): boolean {
  const next = h.i + h.n;
  if (hostCues.some((o) => o.i === next)) return false;
  // A library named for the cloud ("the AWS SDK", "Spring AWS integration", "the Azure provider").
  if (next < r.tokens.length && LIBRARY_HEADS.has(r.tokens[next]!.stem)) return true;
  for (const k of r.areaHits) if (k.i === next && k.n >= 2) return true;
  // The first word of another area's product name ("Azure Pipelines", "OpenShift Pipelines": CI/CD products).
  for (const k of r.areaHits) if (k.i === h.i && k.n > h.n && k.sense.t === 'area' && k.sense.ax !== AX_INFRA && k.sense.ax !== AX_K8S) return true;
  return false;
}

/** Words after an opening "When" that make the text a bug report's scenario ("When using …", "When I …"), not a feature's. */
const SCENARIO_OPENERS = new Set(['using', 'i']);
/** Whether token i stands within five words after "due to" or "because of", in its clause: part of a reason. */
function givenAsReason(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 1 && k >= i - 6; k--) {
    const w = tokens[k]!.lower;
    if ((w === 'to' && tokens[k - 1]!.lower === 'due') || (w === 'of' && tokens[k - 1]!.lower === 'because')) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
}
/** Nouns that make the verb after "<noun> to" something a user can do ("Ability to select …"). */
const ABILITY_NOUNS = new Set(['ability', 'possibility', 'option', 'able']);
/** Release stages a feature or component is promoted through. */
const RELEASE_STAGES = new Set(['alpha', 'beta', 'stable', 'ga', 'preview', 'experimental', 'incubating', 'graduated', 'sandbox', 'deprecated', 'rc']);
/**
 * Whether migration verb h moves something to a release stage (RELEASE_STAGES): "to <stage>" within five words in
 * its clause, and a "from" before it naming a stage too ("moved from Beta to Stable", "Move the API to GA").
 */
function stagePromotion(tokens: readonly Token[], h: Hit): boolean {
  for (let k = h.i + h.n; k < tokens.length && k <= h.i + h.n + 5 && !tokens[k]!.clauseStart; k++) {
    const w = tokens[k]!.lower;
    if (w === 'from' && !RELEASE_STAGES.has(tokens[k + 1]?.lower ?? '')) return false;
    if (w === 'to') return RELEASE_STAGES.has(tokens[k + 1]?.lower ?? '');
  }
  return false;
}

const CERTIFICATION_STEM = stem('certification');
/** Nouns (stems) of tests that make "certification" before them a conformance check. */
const TEST_WORDS = new Set(['test', 'tests', 'suite', 'testing'].map(stem));

/** Nouns (stems) of data copies: a multi-region cue before them names where copies are kept. */
const BACKUP_COPIES = new Set(['backup', 'backups', 'snapshot', 'snapshots', 'copy', 'copies', 'archive'].map(stem));
/** Multi-region cue phrases that name one region rather than several. */
const NAMED_REGION = /^(new|additional|eu|us|uk|apac|asia) regions?$/i;
/** Verbs (stems) of expanding into a region. */
const EXPAND_VERBS = new Set(['support', 'add', 'launch', 'deploy', 'expand', 'open', 'enable', 'introduce', 'create', 'set'].map(stem));

/**
 * Two different hosting objects joined by "instead (of)" ("Use EKS instead of ECS"): the first replaces the second,
 * a move between hosts or orchestrators (§4). "instead of" negates what follows it, so the unfiltered cue hits are
 * read.
 */
function insteadOf(tokens: readonly Token[], hosts: readonly Hit[]): [Hit, Hit] | undefined {
  for (const a of hosts) {
    const k = a.i + a.n;
    if (tokens[k]?.lower !== 'instead') continue;
    const j = tokens[k + 1]?.lower === 'of' ? k + 2 : k + 1;
    const b = hosts.find((h) => h.i === j);
    if (!b || tokens[b.i]!.lower === tokens[a.i]!.lower) continue;
    // ("Use EKS instead of ECS for the new workers" chooses a host for something new: nothing existing moves.)
    for (let m = b.i + b.n; m < tokens.length && !tokens[m]!.clauseStart; m++) if (tokens[m]!.lower === 'new') return undefined;
    return [a, b];
  }
  return undefined;
}

/** Nouns (stems) naming a library or plugin, which a cloud's name before them only qualifies. */
const LIBRARY_HEADS = new Set(['sdk', 'cdk', 'framework', 'integration', 'library', 'librar', 'plugin', 'provider', 'module', 'client', 'adapter', 'starter', 'connector', 'binding'].map(stem));

/**
 * Two hosting objects of different names joined as "both <A> … and <B>" in one sentence (the first
 * within three words of "both"), or undefined.
 */
function bothHosts(tokens: readonly Token[], text: string, hosts: readonly Hit[]): [Hit, Hit] | undefined {
  for (let b = 0; b < tokens.length; b++) {
    if (tokens[b]!.lower !== 'both') continue;
    const first = hosts.find((h) => h.i > b && h.i <= b + 3);
    if (!first) continue;
    for (let a = first.i + first.n; a < Math.min(tokens.length, first.i + first.n + 5); a++) {
      if (tokens[a]!.lower !== 'and') continue;
      const second = hosts.find((h) => h.i > a && h.i <= a + 2 && tokens[h.i]!.stem !== tokens[first.i]!.stem);
      if (second && sameSentence(tokens, text, b, second.i)) return [first, second];
    }
  }
  return undefined;
}

/** Whether tokens i and j (either order) stand in one sentence: no sentence break between them. */
function sameSentence(tokens: readonly Token[], text: string, i: number, j: number): boolean {
  const [a, b] = i < j ? [i, j] : [j, i];
  for (let k = a + 1; k <= b; k++) if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) return false;
  return true;
}

/** The first pair (a, b) of hits from the two lists that stand in one sentence, or undefined. */
function sentencePair(tokens: readonly Token[], task: string, as: readonly Hit[], bs: readonly Hit[]): [Hit, Hit] | undefined {
  for (const a of as) for (const b of bs) if (sameSentence(tokens, task, a.i, b.i)) return [a, b];
  return undefined;
}

/** Whether one of the target hits stands in token i's sentence. */
function targetInSentence(tokens: readonly Token[], task: string, i: number, targets: readonly Hit[]): boolean {
  for (const t of targets) if (sameSentence(tokens, task, i, t.i)) return true;
  return false;
}

/** Whether token i is a cloud provider naming a managed cluster right after it ("AWS EKS", "Azure managed AKS"). */
function partOfCluster(tokens: readonly Token[], i: number): boolean {
  if (!CLOUD_PROVIDERS.test(tokens[i]!.lower)) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) if ((wordClasses(tokens[k]!) & C_KUBE) !== 0) return true;
  return false;
}

/** Whether evidence e names a managed cluster or its provider (then it is part of the Kubernetes target). */
function clusterPart(tokens: readonly Token[], e: Evidence): boolean {
  if (MANAGED_CLUSTER.test(e.phrase)) return true;
  const i = tokens.findIndex((t) => t.start === e.start);
  return i >= 0 && e.end === tokens[i]!.end && partOfCluster(tokens, i);
}

/** The live targets list in its fixed order (kubernetes, security, cloud), as an exact-size literal. */
function targetList(kube: boolean, security: boolean, cloud: boolean): ('kubernetes' | 'security' | 'cloud')[] {
  if (kube) return security ? (cloud ? ['kubernetes', 'security', 'cloud'] : ['kubernetes', 'security']) : cloud ? ['kubernetes', 'cloud'] : ['kubernetes'];
  return security ? (cloud ? ['security', 'cloud'] : ['security']) : cloud ? ['cloud'] : [];
}

/** Live-operation detection (ROUTING §5 L4). */
function detectLive(r: Reading, areas: readonly AreaFinding[], strategy: boolean, rolloutNamed: readonly Evidence[]): LiveOpsFinding {
  const { task, tokens, negated } = r;
  // (An automation word inside the name of something that is no delivery automation, "Kafka streaming
  // pipeline", names that thing; a CI pipeline or a Terraform module stays automation.)
  let automation = unnegated(hitsOf(r, CX_AUTOMATION), negated);
  for (const h of automation) if (insideOtherName(r.areaHits, h)) { automation = automation.filter((x) => !insideOtherName(r.areaHits, x)); break; }
  // A target word inside a longer area name ("email domain") is part of that name, not a live resource.
  let targets = unnegated(hitsOf(r, CX_LIVE_TARGET), negated);
  for (const h of targets) if (insideAreaName(r.areaHits, h)) { targets = targets.filter((x) => !insideAreaName(r.areaHits, x)); break; }
  // (Nor one that only qualifies an address: "the staging environment URL".)
  if ((r.classes & C_PLACE) !== 0) targets = targets.filter((x) => !ADDRESS_HEADS.has(tokens[x.i + x.n]?.lower ?? ''));
  // (Nor one inside code: "Add rate-limit for `/api/v1/domains`" names a route.)
  if (targets.length > 0 && r.codeSpans) targets = targets.filter((x) => !insideCodeSpan(task, tokens[x.i]!.start));
  // (Nor the object storage the app keeps its content in: "Store images in S3" is code, not an operation.)
  if (r.contentStorage) targets = targets.filter((x) => !objectStorage(x.ev.phrase));
  const liveVerbs = hitsOf(r, CX_LIVE_VERB);
  const evidence: Evidence[] = [];
  // A plan about an operation does not carry it out; automation for it neither (ROUTING §5).
  // "Deploy X" opening the task carries the operation out (§5) even when X is automation ("Deploy the
  // GitOps controller for our Terraform resources"); automation elsewhere only describes X.
  // (So does one opening a later sentence or list item: "- [ ] Add a Helm chart - [ ] Deploy to staging".)
  let opening: Hit | undefined;
  // (An issue title's label, "[SERVER] Provision…", "ops: deploy…", "RR-639 - Upgrade…", comes before its opening.)
  const start = titleOf(r);
  for (const h of liveVerbs) {
    const lower = tokens[h.i]!.lower;
    if ((h.i === start || h.i === 0 || sentenceBreak(task, tokens[h.i - 1]!.end, tokens[h.i]!.start)) && !negated[h.i] && !(h.n === 1 && (lower.endsWith('s') || lower.endsWith('ment')))) { opening = h; break; }
  }
  // "Apply the Terraform changes to the staging account", "Roll out the scoring system to production"
  // carry the operation out (§5): an opening "apply" or "roll out" with a live target in its sentence.
  if (!opening && start < tokens.length && (tokens[start]!.lower === 'apply' || tokens[start]!.lower === 'roll') && targetInSentence(tokens, task, start, targets)) {
    for (const h of hitsOf(r, CX_LIVE_SOFT_VERB)) if (h.i === start) { opening = h; break; }
  }
  // (A trigger counts in the sentence of the operation it would automate: "Decommission the Jenkins
  // instance; all builds moved to GitHub Actions last month" still decommissions it.)
  const anchor = opening?.i ?? start;
  let triggered = false;
  for (const h of automation) if (AUTOMATION_TRIGGERS.has(verbKey(tokens, h)) && sameSentence(tokens, task, h.i, anchor)) { triggered = true; break; }
  // An operation in the purpose clause ("…so that I can run the whole stack") is what the work is for.
  const purpose = purposeOf(r);
  if (opening && !strategy && !triggered) evidence.push(opening.ev);
  else if (automation.length === 0 && !strategy) {
    for (const h of liveVerbs) {
      if (negated[h.i] || h.i >= purpose) continue;
      // "Add a health check when deploying the site": an operation in a temporal clause is when the work
      // applies, not the work itself.
      if (h.i > 0 && TEMPORAL_CONJUNCTIONS.has(tokens[h.i - 1]!.lower)) continue;
      // After a determiner the word is a noun: "when a deploy fails", "each rollout".
      if (h.i > 0 && DETERMINERS.has(tokens[h.i - 1]!.lower)) continue;
      // "RetroQuest should deploy with zero downtime": what the system must do, not an operation to run
      // ("we should deploy it to prod" is one).
      if (h.i > 1 && MODALS.has(tokens[h.i - 1]!.lower) && !ACTING_SUBJECTS.has(tokens[h.i - 2]!.lower)) continue;
      const lower = tokens[h.i]!.lower;
      // Verb forms only: "deploys"/"deployment" are nouns ("zero downtime deploys").
      if (h.n === 1 && (lower.endsWith('s') || lower.endsWith('ment'))) continue;
      evidence.push(h.ev);
    }
    if (evidence.length === 0 && targets.length > 0) {
      // (The target must be in the verb's sentence, "Enable scan-on-push on the ECR repositories", not
      // a resource named in another sentence of the text.)
      for (const h of hitsOf(r, CX_LIVE_SOFT_VERB)) if (!negated[h.i] && h.i < purpose && !tokens[h.i]!.lower.endsWith('ment') && targetInSentence(tokens, task, h.i, targets)) { evidence.push(h.ev); break; }
    }
  }
  // Decommissioning a running component is live (§5) though "service" or "app" is not a named live
  // resource; components it names ("…Helm chart, template repo") are not automation, a trigger is.
  // (Each sweep below runs only when some token has the class it looks for.)
  if (evidence.length === 0 && !strategy && !triggered && (r.classes & C_DECOMMISSION) !== 0) {
    const hit = verbWithObject(tokens, task, negated, C_DECOMMISSION, C_RUNNING, 'live:decommission');
    if (hit) evidence.push(hit);
  }
  // The areas the target rules read (one pass instead of a search per rule).
  let k8sArea: AreaFinding | undefined;
  let securityArea = false;
  let infraArea: AreaFinding | undefined;
  for (const a of areas) {
    if (a.area === 'containers/kubernetes') k8sArea ??= a;
    else if (a.area === 'security') securityArea = true;
    else if (a.area === 'infrastructure/cloud') infraArea ??= a;
  }
  // Running security scans, or switching scanning on, is live (§5) whatever the scanned system is called.
  if (evidence.length === 0 && !strategy && !triggered && securityArea && (r.classes & C_SCAN_ACT) !== 0) {
    const hit = verbWithObject(tokens, task, negated, C_SCAN_ACT, C_SCAN_NOUN, 'live:security-scan');
    if (hit) evidence.push(hit);
  }
  // Rotating or revoking a secret replaces it where it is used, on the live systems (§5; the dev labels read
  // "Deactivate the access keys of … IAM users" the same way): "Rotate keys that may have been exposed in
  // GitHub Action logs", "Any secret value stored in repo settings should be rotated". Asked for, that is:
  // opening the task or a sentence, or in the passive; "a job that rotates the keys" builds automation.
  if (evidence.length === 0 && !strategy && securityArea) {
    for (const h of hitsOf(r, CX_LIVE_SOFT_VERB)) {
      if (negated[h.i] || h.i >= purpose || !SECRET_VERBS.has(tokens[h.i]!.stem)) continue;
      const asked = h.i === start || tokens[h.i]!.clauseStart || PASSIVE_AUX.has(tokens[h.i - 1]?.lower ?? '');
      if (asked && secretNear(tokens, h.i)) { evidence.push(cite(h.ev, `live:rotate-secret:${h.ev.rule}`)); break; }
    }
  }
  // Changing how much of a running resource there is, within four words ("raise the minimum dyno count", "bump the worker replicas
  // to 5 in production") scales it: a live operation (§5), asked for outside a purpose clause.
  // (Read from the area hits, which name the capacity unit: a pass over the few hits, not every token.)
  if (evidence.length === 0 && !strategy && !triggered) {
    const scaled = capacityScaling(r, purpose);
    if (scaled) evidence.push(scaled);
  }
  // A rollout to production named as the work (namedRollout) is carried out on production: a live operation.
  if (evidence.length === 0) for (const e of rolloutNamed) evidence.push(cite(e, `live:production-rollout:${e.rule}`));
  const live = evidence.length > 0;
  // Targets are computed even when no live verb is found: an extreme task reaches L4 by complexity.
  // "cluster" alone names a Kubernetes target only beside the containers/kubernetes area ("Vault cluster" is not).
  let kube = false;
  if ((r.classes & C_KUBE) !== 0) for (const t of tokens) if ((wordClasses(t) & C_KUBE) !== 0 && (t.stem !== 'cluster' || k8sArea !== undefined)) { kube = true; break; }
  if (!kube && k8sArea !== undefined) kube = k8sArea.evidence.some((e) => /helm|kube|k8s|cluster|pod/i.test(e.phrase));
  // A managed cluster ("AKS", "AWS managed EKS") is the Kubernetes target: neither its name nor the
  // provider naming it makes the cloud a second target (§6 L4: one wrapper per live target).
  let cloudNamed = false;
  // An environment's name ("on the prod cluster", "a scan against staging") says which cluster or which
  // scanned system, not a cloud target of its own, when a cluster is the target or the operation is a scan
  // ("Deploy production Vault" still deploys to a cloud target).
  const scanning = securityArea && (r.classes & C_SCAN_NOUN) !== 0;
  for (const h of targets) if (!KUBE_TARGETS.has(tokens[h.i]!.stem) && !(kube && partOfCluster(tokens, h.i)) && !((kube || scanning) && h.n === 1 && ENVIRONMENT_NAMES.has(tokens[h.i]!.lower))) { cloudNamed = true; break; }
  const infraBeyondCluster = infraArea !== undefined && (!kube || infraArea.evidence.some((e) => !clusterPart(tokens, e)));
  const cloud = infraBeyondCluster || cloudNamed || (!kube && !securityArea);
  return {
    live,
    targets: targetList(kube, securityArea, cloud),
    evidence: evidence.length + targets.length === 0 ? [] : [...evidence, ...evidenceOf(targets)],
  };
}
