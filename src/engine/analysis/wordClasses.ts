/**
 * Word classes: per word form, bits saying which readings it can start (a capability verb, a certification object,
 * a live target, a place…), memoised on the interned form. A pass tests the union over a text's tokens before it
 * sweeps the tokens, so most texts skip most readings at the cost of one OR per token.
 */
import { CUE_VOCABULARY } from './cueVocabulary';
import { stem, type Token } from './tokenize';

// Verbs of achieving a certification (§4 high), as opposed to researching, preparing or documenting for it.
export const CERT_ACTION = new Set(['achieve', 'obtain', 'complete', 'attain', 'pass', 'be', 'become', 'maintain', 'ensure', 'get', 'apply', 'implement', 'pursue', 'seek', 'earn', 'gain', 'secure', 'renew', 'close', 'remediate'].map(stem));
// Certification work needs an object that is the certification or its controls/compliance (an authority to
// operate names the authorisation itself).
const CERT_OBJECT = new Set(['certification', 'certified', 'compliance', 'compliant', 'control', 'type', 'regulation', 'requirement', 'gap', 'authority'].map(stem));
export const KUBE_TARGETS = new Set(['kubernet', 'k8', 'k8s', 'eks', 'gke', 'ak', 'aks', 'openshift', 'k3s', 'kubectl', 'helm', 'cronjob', 'cluster', 'pod']);
/** Words (stems) of a broker or cache use: job queues and workers, caching, sessions. */
const BROKER_USE = new Set(['queue', 'broker', 'celery', 'sidekiq', 'rq', 'bullmq', 'resque', 'job', 'worker', 'cache', 'caching', 'session', 'pubsub', 'rabbitmq', 'limiter', 'throttling', 'ratelimit'].map(stem));
/** Words (stems) that make a migration's sentence about tooling for it, not the migration itself (§4 not extreme). */
const MIGRATION_TOOLING = new Set(['script', 'tool', 'automat', 'utility', 'cli', 'assistant', 'skill', 'wizard', 'helper', 'mechanism', 'scenario', 'modul']);
const CAPABILITY_VERBS = new Set(['add', 'edit', 'delet', 'creat', 'view', 'manag', 'book', 'schedul', 'upload', 'download', 'pay', 'search', 'filter',
  'invit', 'shar', 'export', 'import', 'track', 'sav', 'submit', 'comment', 'rat', 'review', 'order', 'purchas', 'regist', 'register', 'subscrib', 'cancel', 'reserv',
  'see', 'brows', 'configur', 'customiz', 'customis', 'personaliz', 'personalis']);
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

/** Verbs that run or switch on a security scan, and what they run (stems). */
const SCAN_ACTIVATION: ReadonlySet<string> = new Set(['enabl', 'turn', 'run', 'conduct', 'perform', 'coordinat', 'schedul', 'execut', 'activat']);
const SCAN_NOUNS: ReadonlySet<string> = new Set(['scan', 'scanner', 'pentest', 'penetration', 'pen', 'analysis', 'dast', 'sast']);
// Publishing a built artifact is release automation, CI/CD work (ROUTING §3): "Automate Helm chart
// publishing", "Push releases to Docker Hub". Stems.
const PUBLISH_WORDS = new Set(['publish', 'push', 'releas']);
// Automating a deployment or build is the same release automation: "Automate deployment using Terraform".
const AUTOMATE_WORDS = new Set(['automat', 'automatic', 'automatically', 'automation']);
const DELIVERY_WORDS = new Set(['deploy', 'deployment', 'build', 'releas', 'publish', 'ship']);
const ARTIFACT_WORDS = new Set(['imag', 'chart', 'packag', 'artifact', 'binary', 'ami', 'amis', 'wheel', 'releas', 'registry', 'hub', 'ghcr', 'ecr', 'pypi', 'npm']);
// Verbs that state what the work is for ("to reduce user error", "reducing the burden"). Stems.
export const PURPOSE_VERBS = new Set(['reduc', 'prevent', 'avoid', 'catch', 'detect', 'minimis', 'minimiz', 'eliminat', 'protect', 'mitigat', 'lower', 'guard']);
// Words a sign-in phrase starts with (stems: "log in", "sign in", "login", "signin", "authenticate").
const LOGIN_WORDS = new Set(['log', 'sign', 'login', 'signin', 'authenticat']);
/** Observability verbs (stems) whose object is the observed system. */
const OBSERVE_VERBS = new Set(['instrument', 'monitor']);
// First words of the user-facing patterns of concernReading.ts ("allow users", "let each customer", "users can").
const USER_START = new Set(['allow', 'let', 'enabl', 'user', 'customer', 'ability', 'abl']);

// Word classes tested over every token of a text, as bits memoised on the interned word form: a
// sweep then reads a field of an object the tokenizer just touched instead of probing a Set per token.
export const C_CAPABILITY = 1;
export const C_CERT_ACTION = 2;
export const C_CERT_OBJECT = 4;
export const C_MIGRATION_TOOLING = 8;
export const C_KUBE = 16;
export const C_USER_START = 32;
export const C_DECOMMISSION = 64;
export const C_RUNNING = 128;
export const C_SCAN_ACT = 256;
export const C_SCAN_NOUN = 512;
export const C_ANY_VERB = 1024;
export const C_NOUN_TOO = 2048;
export const C_PUBLISH = 4096;
export const C_ARTIFACT = 8192;
export const C_AUTOMATE = 16384;
export const C_DELIVERY = 32768;
export const C_PURPOSE = 65536;
export const C_LOGIN = 131072;
export const C_BROKER_USE = 262144;
export const C_EXAMPLE = 524288;
export const C_OBSERVE = 1048576;
export const C_NAME_HEAD = 2097152;
export const C_NONPROD = 4194304;
export const C_PLACE = 8388608;
export const C_TEAM = 16777216;
export const C_UI_OR_REPORT = 33554432;
export const C_DB_WORK = 67108864;
export const C_SPLIT = 134217728;
export const C_SETUP = 268435456;
export const C_PRECEDENT = 536870912;
// (The last bit that keeps the class union a positive 31-bit integer.)
export const C_SUPPORT = 1073741824;
/** Words (stems) naming an environment that is not production. */
const NONPROD_ENVIRONMENTS = new Set(['staging', 'stage', 'dev', 'development', 'test', 'testing', 'sandbox', 'preview', 'qa', 'uat', 'demo', 'pilot'].map(stem));
const LIKE_STEM = stem('like');
export const EXISTING_STEM = stem('existing');
export function wordClasses(t: Token): number {
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
export const SETUP_LEADS = new Set(['when', 'while', 'if']);

/** Verbs (stems) that split a system into parts ("Break the Django monolith into services"). */
export const SPLIT_VERBS = new Set(['split', 'extract', 'break', 'decompose', 'carve', 'separate', 'divide'].map(stem));

/** First words of "as with", "similar to", "same as" (the word-class bit that lets `precedentOf` run). */
const PRECEDENT_LEADS = new Set(['as', 'similar', 'same']);
/** UI elements whose modifier names what they are for ("checkout button", "billing page"). */
export const UI_ELEMENTS = new Set(['button', 'buttons', 'page', 'pages', 'screen', 'screens', 'form', 'forms', 'modal', 'dialog', 'drawer', 'banner', 'menu', 'tab', 'tabs', 'widget', 'icon', 'toggle', 'dropdown', 'viewer']);
/** Words after an area word that make it the one reporting ("CloudWatch shows"). */
export const ACTOR_FOLLOWERS = new Set(['shows', 'showed', 'reports', 'reported', 'indicates', 'says', 'identifies', 'identified', 'flags', 'flagged', 'detects', 'detected', 'finds', 'found']);
/** Words after an area word that make it a team or role ("the data team", "load-testing engineers"). */
const TEAM_WORDS = new Set(['team', 'teams', 'squad', 'engineers', 'guild', 'folks']);
/** Host nouns (stems) that say where a change lands ("to the web server", "on each VM"). */
export const HOST_PLACES = new Set(['server', 'host', 'vm', 'instanc', 'machin', ...['nginx', 'apache', 'caddy', 'haproxy', 'traefik'].map(stem)]);
export const CONFIG_WORDS = new Set(['config', 'configuration', 'conf', 'settings'].map(stem));
/** Nouns naming an address, which a word before them only qualifies ("the staging environment URL"). */
export const ADDRESS_HEADS = new Set(['url', 'urls', 'uri', 'address', 'hostname']);

/** Generic heads (stems) that a technology's name takes: "Jenkins server", "Vault agent", "Kafka client". */
const NAME_HEADS = new Set(['server', 'instanc', 'agent', 'client', 'plugin', 'sdk', 'daemon', 'host', 'log', 'api', 'endpoint']);

/** Words (stems) that name work on a database itself rather than the database. */
const DB_WORK = new Set(['schema', 'index', 'indexes', 'query', 'queries', 'migrate', 'migration', 'backup', 'restore', 'store', 'storage', 'partition', 'replica', 'replicate', 'replication', 'shard', 'tune', 'tuning', 'column', 'constraint', 'trigger', 'procedur', 'upsert', 'vacuum'].map(stem));
