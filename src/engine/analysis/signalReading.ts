/**
 * Scope signals (ROUTING §4): migration or re-platforming, multi-region, hard constraints, certification, whole
 * systems built or deployed, production roll-outs; with the live-operation reading (`liveOperations.ts`) and the
 * substantial-or-contained reading (`scopeReading.ts`).
 */
import type { Evidence, LiveOpsFinding, ScopeSignal } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import { detectLive } from './liveOperations';
import {
  addSignal, AX_INFRA, AX_K8S, C_MIGRATION_TOOLING, C_NONPROD, C_SPLIT, capitalised, cite, classInSentence,
  CLOUD_PROVIDERS, CX_CERTIFICATION, CX_HOSTING_OBJECT, CX_IMPL_VERB, CX_LIVE_VERB, CX_MIGRATION_VERB, CX_MULTI_REGION,
  CX_STRATEGY_VERB, DEPLOY_WORD, DESTINATION_PREPS, ev, evidenceOf, Hit, hitsOf, inferArea, insideCodeSpan, joinedCue,
  KEY_VALUE_STORES, NO_HITS, quotedTitleWord, type Reading, sameSentence, schemaMigration, SEARCH_ENGINES,
  sentenceBreak, sentenceStart, servedBy, type SignalInput, SPLIT_VERBS, stemInClauseBefore, TEMPORAL_CONJUNCTIONS,
  titleOf, unnegated, UPGRADE_VERBS, verbKey,
} from './reading';
import { readScopeSize } from './scopeReading';

const BUILD_VERBS = new Set(['deploy', 'build', 'launch', 'establish', 'creat', 'stand up', 'develop', 'set up', 'setup', 'implement', 'rollout', 'roll out', 'ship']);
const CX_DB_ENGINE = CUE_KINDS.indexOf('dbEngine');
const CX_MONOLITH_SPLIT = CUE_KINDS.indexOf('monolithSplit');
const CX_HARD_CONSTRAINT = CUE_KINDS.indexOf('hardConstraint');
const CX_WHOLE_SYSTEM = CUE_KINDS.indexOf('wholeSystem');
const CX_PRODUCTION = CUE_KINDS.indexOf('production');

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

/** Whether token i stands where a verb does: first in its clause, or after "to", a modal, a subject pronoun or "and". */
function verbPosition(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.clauseStart || MOVE_VERB_LEADS.has(tokens[i - 1]!.lower);
}
/** Migration verbs (stems) that are nouns as often ("data transfer", "a shift"). */
const NOUN_OR_VERB_MOVES = new Set(['transfer', 'shift', 'port'].map(stem));
const MOVE_VERB_LEADS = new Set(['to', 'will', 'should', 'must', 'can', 'could', 'would', 'and', 'we', 'i', 'please', 'then', "let's", 'lets']);

/** Leading verbs (stems) of an investigation, which delivers findings (§4 "investigations"). */
const INVESTIGATION_VERBS = new Set(['investigate', 'explore', 'research'].map(stem));
/** Words (stems) of a commerce product: one built whole has its storefront. */
const SHOP_WORDS = new Set(['commerce', 'ecommerce', 'marketplace', 'shop', 'webshop', 'storefront', 'online'].map(stem));
/** Whether a token of hit h has a stem in `stems`. */
function spanHasStem(tokens: readonly Token[], h: Hit, stems: ReadonlySet<string>): boolean {
  for (let k = h.i; k < h.i + h.n; k++) if (stems.has(tokens[k]!.stem)) return true;
  return false;
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
/** Hosting platforms whose names are common words (hosting objects only when written as names). */
const WORD_NAMED_HOSTS = new Set(['render', 'fly']);

/** Whether the hits' first tokens have at least two different stems ("MySQL … PostgreSQL"). */
function twoDistinctStems(tokens: readonly Token[], hits: readonly Hit[]): boolean {
  for (let k = 1; k < hits.length; k++) if (tokens[hits[k]!.i]!.stem !== tokens[hits[0]!.i]!.stem) return true;
  return false;
}

/** Whether one of the verb hits is a building verb (BUILD_VERBS). */
function anyBuildVerb(tokens: readonly Token[], verbs: readonly Hit[]): boolean {
  for (const h of verbs) if (BUILD_VERBS.has(verbKey(tokens, h))) return true;
  return false;
}

/** Scope signals (ROUTING §4) and live operations (§5). */
export function readSignals(r: Reading, x: SignalInput): { signals: ScopeSignal[]; live: LiveOpsFinding } {
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
/** Build verbs (keys) that only deploy or release what exists. */
const DEPLOY_VERBS = new Set(['deploy', 'launch', 'ship', 'rollout', 'roll out']);
/** Live targets that are environments a deployment goes to. */
const PRODUCTION_LIKE = /^(production|prod|staging|live|cluster|region|all regions)$/i;
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
  // The first word of another area's product name ("Azure Pipelines", a CI/CD product).
  for (const k of r.areaHits) if (k.i === h.i && k.n > h.n && k.sense.t === 'area' && k.sense.ax !== AX_INFRA && k.sense.ax !== AX_K8S) return true;
  return false;
}
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

/** The first pair (a, b) of hits from the two lists that stand in one sentence, or undefined. */
function sentencePair(tokens: readonly Token[], task: string, as: readonly Hit[], bs: readonly Hit[]): [Hit, Hit] | undefined {
  for (const a of as) for (const b of bs) if (sameSentence(tokens, task, a.i, b.i)) return [a, b];
  return undefined;
}
