/**
 * Migration and re-platforming (ROUTING §4 extreme): a system moved between hosts, clouds or database engines, or a
 * monolith split; not a tool, script, guide or preparation for one, nor a schema migration, a release-stage
 * promotion or a move given as a reason.
 */
import type { Evidence, ScopeSignal } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import {
  addSignal, cite, classInSentence, CX_MIGRATION_VERB, DESTINATION_PREPS, ev, Hit, hitsOf, inferArea, KEY_VALUE_STORES,
  PREPARE_STEM, quotedTitleWord, type Reading, sameSentence, schemaMigration, SEARCH_ENGINES, type SignalInput,
  TEMPORAL_CONJUNCTIONS, titleOf, unnegated, UPGRADE_VERBS,
} from './reading';
import { C_MIGRATION_TOOLING, C_SPLIT, SPLIT_VERBS } from './wordClasses';

const CX_DB_ENGINE = CUE_KINDS.indexOf('dbEngine');
const CX_MONOLITH_SPLIT = CUE_KINDS.indexOf('monolithSplit');

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

/** Whether token i stands where a verb does: first in its clause, or after "to", a modal, a subject pronoun or "and". */
function verbPosition(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.clauseStart || MOVE_VERB_LEADS.has(tokens[i - 1]!.lower);
}
/** Migration verbs (stems) that are nouns as often ("data transfer", "a shift"). */
const NOUN_OR_VERB_MOVES = new Set(['transfer', 'shift', 'port'].map(stem));
const MOVE_VERB_LEADS = new Set(['to', 'will', 'should', 'must', 'can', 'could', 'would', 'and', 'we', 'i', 'please', 'then', "let's", 'lets']);

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

/** Whether token i stands in a clause opened by a temporal conjunction ("after extracting…", "once it runs"). */
function inTemporalClause(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (TEMPORAL_CONJUNCTIONS.has(tokens[k]!.lower)) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
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

/** Whether the hits' first tokens have at least two different stems ("MySQL … PostgreSQL"). */
function twoDistinctStems(tokens: readonly Token[], hits: readonly Hit[]): boolean {
  for (let k = 1; k < hits.length; k++) if (tokens[hits[k]!.i]!.stem !== tokens[hits[0]!.i]!.stem) return true;
  return false;
}
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
/** Words that say where a moved thing goes or leaves. */
const MOVE_DIRECTIONS = new Set([...DESTINATION_PREPS, 'from', 'away', 'off']);
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
/** Whether token i stands within five words after "due to" or "because of", in its clause: part of a reason. */
function givenAsReason(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 1 && k >= i - 6; k--) {
    const w = tokens[k]!.lower;
    if ((w === 'to' && tokens[k - 1]!.lower === 'due') || (w === 'of' && tokens[k - 1]!.lower === 'because')) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
}
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

/** The first pair (a, b) of hits from the two lists that stand in one sentence, or undefined. */
function sentencePair(tokens: readonly Token[], task: string, as: readonly Hit[], bs: readonly Hit[]): [Hit, Hit] | undefined {
  for (const a of as) for (const b of bs) if (sameSentence(tokens, task, a.i, b.i)) return [a, b];
  return undefined;
}

/**
 * The migration signal (ROUTING §4 extreme: moving a system between hosts, clouds or database engines, or splitting
 * a monolith), or, for a tool, script or guide about one, an architecture concern instead; and the infrastructure
 * area a hosting move implies. `hostCues` are the hosting-object cues, `hostObjs` those that name a host.
 */
export function readMigration(r: Reading, x: SignalInput, signals: ScopeSignal[], hostCues: readonly Hit[], hostObjs: readonly Hit[]): void {
  const { tokens, negated } = r;
  const { finalAreas, docsHit, isStrategy, strategyOnly } = x;
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
}
