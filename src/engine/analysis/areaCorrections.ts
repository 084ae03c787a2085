/**
 * Readings between areas once every mention is counted (`correctAreas`): one area's evidence gives way to
 * another's, or implies another, from what the two name together.
 */
import { AREA_IDS, type Evidence } from './analysisTypes';
import { internalAudience } from './internalAudience';
import { stem, type Token } from './tokenize';
import {
  AX_BACKEND, AX_CICD, AX_DATA, AX_DATABASE, AX_FRONTEND, AX_INFRA, AX_K8S, AX_SECURITY, AX_TESTING, cite,
  CX_MIGRATION_VERB, ev, hitsOf, OBJECT_STORAGE, objectStorage, type Reading, stemIn, stemInClauseAfter,
  stemInClauseBefore, tokenFrom,
} from './reading';
import { C_DB_WORK } from './wordClasses';
import { credit, namedInFull } from './areaEvidence';

const AX_OBS = AREA_IDS.indexOf('observability');
/** Managed container services listed under both containers/kubernetes and infrastructure/cloud. */
const MANAGED_SERVICE = /^(eks|gke|aks|ecs|fargate)$/i;

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

/** Evidence phrases of autoscaling. */
const AUTOSCALING = /^auto-?scal/i;

/**
 * Readings between areas once every mention is counted: one area's evidence gives way to another's ("Cache
 * dependencies in CI" is the build cache, not an application cache) or implies another ("iOS With Offline and Sync"
 * syncs with a server). Updates `areaEv` and `areaScore` in place; what is dropped goes to `r.ignored`.
 */
export function correctAreas(r: Reading, areaEv: (Evidence[] | undefined)[], areaScore: Float64Array): void {
  const { task, tokens, negated, ignored } = r;
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
}
