/**
 * Live operations (ROUTING §5, L4): whether the task carries out an operation on a running system (deploy, roll
 * back, scale, rotate, restore, decommission) rather than writing the code or configuration for one.
 */
import type { AreaFinding, Evidence, LiveOpsFinding } from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { stem, type Token } from './tokenize';
import {
  AX_CICD, AX_DATABASE, AX_INFRA, cite, CLOUD_PROVIDERS, CX_LIVE_VERB, DETERMINERS, ev, evidenceOf, Hit, hitsOf,
  insideAreaName, insideCodeSpan, MODALS, objectStorage, purposeOf, type Reading, sameSentence, sentenceBreak,
  stemInClauseAfter, stemInClauseBefore, TEMPORAL_CONJUNCTIONS, titleOf, unnegated, verbKey,
} from './reading';
import {
  ADDRESS_HEADS, C_DECOMMISSION, C_KUBE, C_PLACE, C_RUNNING, C_SCAN_ACT, C_SCAN_NOUN, KUBE_TARGETS, wordClasses,
} from './wordClasses';

/** Managed Kubernetes services: a cluster, also listed as cloud infrastructure. */
const MANAGED_CLUSTER = /^(eks|gke|aks|openshift)( cluster)?$/i;

/** Automation cues that make an operation run by itself (per pull request, on merge, on a schedule), as stems. */
const AUTOMATION_TRIGGERS: ReadonlySet<string> = new Set(['automat', 'automatically', 'cron', 'per pull', 'per pr', 'on merg', 'when merg', 'pipelin', 'ci', 'workflow', 'script', 'github action']);

/** Whether hit h lies inside a longer area phrase of an area other than CI/CD and infrastructure/cloud. */
function insideOtherName(areaHits: readonly Hit[], h: { i: number; n: number }): boolean {
  for (const a of areaHits) if (a.n > h.n && a.i <= h.i && h.i + h.n <= a.i + a.n && a.sense.ax !== AX_CICD && a.sense.ax !== AX_INFRA) return true;
  return false;
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
const CX_LIVE_SOFT_VERB = CUE_KINDS.indexOf('liveSoftVerb');
const CX_LIVE_TARGET = CUE_KINDS.indexOf('liveTarget');
const CX_AUTOMATION = CUE_KINDS.indexOf('automation');
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

/** Environment names that are live targets only as an environment ("to production"). */
const ENVIRONMENT_NAMES = new Set(['production', 'prod', 'staging', 'live']);

/** Subjects before a modal that make the verb after it work the team does ("we should deploy…"). */
const ACTING_SUBJECTS = new Set(['we', 'i', 'you', 'team', 'ops', 'someone', 'they']);

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
export function detectLive(r: Reading, areas: readonly AreaFinding[], strategy: boolean, rolloutNamed: readonly Evidence[]): LiveOpsFinding {
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
