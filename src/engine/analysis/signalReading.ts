/**
 * Scope signals (ROUTING §4): multi-region, hard constraints, certification, whole systems built or deployed,
 * production roll-outs; with the migration reading (`migrationReading.ts`), the live-operation reading
 * (`liveOperations.ts`) and the substantial-or-contained reading (`scopeReading.ts`).
 */
import type { Evidence, LiveOpsFinding, ScopeSignal } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import { detectLive } from './liveOperations';
import {
  addSignal, AX_INFRA, AX_K8S, capitalised, cite, CLOUD_PROVIDERS, CX_CERTIFICATION, CX_HOSTING_OBJECT, CX_IMPL_VERB,
  CX_LIVE_VERB, CX_MULTI_REGION, CX_STRATEGY_VERB, DEPLOY_WORD, ev, evidenceOf, Hit, hitsOf, inferArea, insideCodeSpan,
  joinedCue, NO_HITS, PREPARE_STEM, type Reading, sameSentence, sentenceBreak, sentenceStart, servedBy,
  type SignalInput, stemInClauseBefore, titleOf, unnegated, UPGRADE_VERBS, verbKey,
} from './reading';
import { C_NONPROD } from './wordClasses';
import { readScopeSize } from './scopeReading';
import { readMigration } from './migrationReading';

const BUILD_VERBS = new Set(['deploy', 'build', 'launch', 'establish', 'creat', 'stand up', 'develop', 'set up', 'setup', 'implement', 'rollout', 'roll out', 'ship']);
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

/** Leading verbs (stems) of an investigation, which delivers findings (§4 "investigations"). */
const INVESTIGATION_VERBS = new Set(['investigate', 'explore', 'research'].map(stem));
/** Words (stems) of a commerce product: one built whole has its storefront. */
const SHOP_WORDS = new Set(['commerce', 'ecommerce', 'marketplace', 'shop', 'webshop', 'storefront', 'online'].map(stem));
/** Whether a token of hit h has a stem in `stems`. */
function spanHasStem(tokens: readonly Token[], h: Hit, stems: ReadonlySet<string>): boolean {
  for (let k = h.i; k < h.i + h.n; k++) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}
/** Hosting platforms whose names are common words (hosting objects only when written as names). */
const WORD_NAMED_HOSTS = new Set(['render', 'fly']);

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

  // "Multi-Cloud support" names clouds a tool targets, not a hosting move (§4 "not extreme").
  const hostCues = hitsOf(r, CX_HOSTING_OBJECT);
  // A cloud name as a product's vendor prefix ("into AWS Secrets Manager") names the product, not a host.
  // ("Render" and "Fly" are platforms only as names inside the sentence: "Migrate to Render", not "Render the chart".)
  // (Nor a word inside code: "`$region.storage.juliahub.com`" names a host name's part.)
  const hostObjs = hostCues.length === 0 ? NO_HITS : hostCues.filter((h) => !negated[h.i] && tokens[h.i - 1]?.lower !== 'multi' && !vendorPrefix(r, hostCues, h) && !(r.codeSpans && insideCodeSpan(r.task, tokens[h.i]!.start))
    && (!WORD_NAMED_HOSTS.has(tokens[h.i]!.lower) || (h.i > 0 && capitalised(r.task, tokens[h.i]!) && !tokens[h.i]!.clauseStart)));
  readMigration(r, x, signals, hostCues, hostObjs);
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
/** Build verbs (keys) that only deploy or release what exists. */
const DEPLOY_VERBS = new Set(['deploy', 'launch', 'ship', 'rollout', 'roll out']);
/** Live targets that are environments a deployment goes to. */
const PRODUCTION_LIKE = /^(production|prod|staging|live|cluster|region|all regions)$/i;

/**
 * Whether hosting cue h is directly followed by an area phrase that is no hosting object itself ("AWS Secrets Manager"),
 * or is the first word of another area's product name ("Azure Pipelines").
 */
function vendorPrefix(r: Reading, hostCues: readonly Hit[], h: Hit): boolean {
  const next = h.i + h.n;
  if (hostCues.some((o) => o.i === next)) return false;
  // A library named for the cloud ("the AWS SDK", "Spring AWS integration", "the Azure provider").
  if (next < r.tokens.length && LIBRARY_HEADS.has(r.tokens[next]!.stem)) return true;
  for (const k of r.areaHits) {
    if (k.i === next && k.n >= 2) return true;
    // The first word of another area's product name ("Azure Pipelines", a CI/CD product).
    if (k.i === h.i && k.n > h.n && k.sense.t === 'area' && k.sense.ax !== AX_INFRA && k.sense.ax !== AX_K8S) return true;
  }
  return false;
}

/** Nouns (stems) of data copies: a multi-region cue before them names where copies are kept. */
const BACKUP_COPIES = new Set(['backup', 'backups', 'snapshot', 'snapshots', 'copy', 'copies', 'archive'].map(stem));
/** Multi-region cue phrases that name one region rather than several. */
const NAMED_REGION = /^(new|additional|eu|us|uk|apac|asia) regions?$/i;
/** Verbs (stems) of expanding into a region. */
const EXPAND_VERBS = new Set(['support', 'add', 'launch', 'deploy', 'expand', 'open', 'enable', 'introduce', 'create', 'set'].map(stem));

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
