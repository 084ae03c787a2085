/**
 * Builds the technology lexicon (src/engine/analysis/generated/techLexicon.ts) from the public
 * catalogues in ../shared/data beside the repository (or STRATA_DATA_DIR): the CNCF landscape (category/subcategory per
 * project) and GitHub topics (display name, aliases, description). The mapping to requirement areas
 * is the two tables below plus the description rules — reviewable, and documented in docs/routing.md.
 *
 *   npx tsx scripts/buildLexicon.ts          # writes the generated file
 *   npx tsx scripts/buildLexicon.ts --check  # exits 1 when the generated file is stale
 *
 * Ambiguity policy: a name whose lowercase form is a common English word (COMMON_WORDS), or that
 * is two characters or fewer, is kept only with `exactCase`: it matches when written exactly as the
 * catalogue spells it (e.g. "Apollo", "Flux") and not as the first word of a clause, where
 * capitalisation proves nothing. Names in DROP are removed outright.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AreaId } from '../src/engine/analysis/analysisTypes';

// The catalogues sit in the steering repo's shared/ folder, beside this repository.
const DATA_DIR = process.env.STRATA_DATA_DIR ?? resolve(__dirname, '../../shared/data');
const OUT = resolve(__dirname, '../src/engine/analysis/generated/techLexicon.ts');

/** CNCF landscape subcategory (or "category/subcategory") → area; unlisted subcategories are skipped. */
export const CNCF_SUBCATEGORY_AREA: Readonly<Record<string, AreaId>> = {
  'Provisioning/Automation & Configuration': 'infrastructure/cloud',
  'Provisioning/Container Registry': 'containers/kubernetes',
  'Provisioning/Key Management': 'security',
  'Provisioning/Security & Compliance': 'security',
  'App Definition and Development/Application Definition & Image Build': 'containers/kubernetes',
  'App Definition and Development/Continuous Integration & Delivery': 'CI/CD',
  'App Definition and Development/Database': 'database',
  'App Definition and Development/Streaming & Messaging': 'data pipelines',
  'Data/Data Architecture': 'data pipelines',
  'Data/Data Science': 'data pipelines',
  'Observability and Analysis/Chaos Engineering': 'testing',
  'Observability and Analysis/Continuous Optimization': 'infrastructure/cloud',
  'Observability and Analysis/Feature Flagging': 'backend',
  'Observability and Analysis/Observability': 'observability',
  'Orchestration & Management/API Gateway': 'backend',
  'Orchestration & Management/Coordination & Service Discovery': 'infrastructure/cloud',
  'Orchestration & Management/Remote Procedure Call': 'backend',
  'Orchestration & Management/Scheduling & Orchestration': 'containers/kubernetes',
  'Orchestration & Management/Service Mesh': 'containers/kubernetes',
  'Orchestration & Management/Service Proxy': 'infrastructure/cloud',
  'Platform/Certified Kubernetes - Distribution': 'containers/kubernetes',
  'Platform/Certified Kubernetes - Hosted': 'containers/kubernetes',
  'Platform/Certified Kubernetes - Installer': 'containers/kubernetes',
  'Platform/PaaS/Container Service': 'infrastructure/cloud',
  'Runtime/Cloud Native Network': 'containers/kubernetes',
  'Runtime/Cloud Native Storage': 'containers/kubernetes',
  'Runtime/Container Runtime': 'containers/kubernetes',
  'Serverless/Framework': 'infrastructure/cloud',
  'Serverless/Hosted Platform': 'infrastructure/cloud',
  'Serverless/Installable Platform': 'infrastructure/cloud',
  'Serverless/Security': 'security',
  'Serverless/Tools': 'infrastructure/cloud',
  'AI Agent/Agent Framework': 'backend',
  'AI Agent/Agent Tool': 'backend',
  'AI Agent/RAG': 'backend',
  'AI Agent/Structured Output': 'backend',
  'AI Agent/State and Memory': 'backend',
  'AI Agent/Vector Database': 'database',
  'AI Agent/Workflow Orchestration': 'data pipelines',
  'AI Agent/Guardrail': 'security',
  'AI Native Infra/Continuous Integration and Delivery': 'CI/CD',
  'AI Native Infra/Gateway': 'backend',
  'AI Native Infra/Governance, Policy and Security': 'security',
  'AI Native Infra/Model Asset and Registry': 'data pipelines',
  'AI Native Infra/Observability': 'observability',
  'AI Native Infra/Orchestration and Scheduling': 'containers/kubernetes',
  'AI Native Infra/Workload Runtime': 'containers/kubernetes',
  'Inference/Framework': 'data pipelines',
  'Inference/Runtime': 'data pipelines',
  'Training/Distributed Training': 'data pipelines',
  'Training/Evaluation': 'data pipelines',
  'Training/Post Training': 'data pipelines',
  'Wasm/Debugging & Observability': 'observability',
  'Wasm/Orchestration & Management': 'containers/kubernetes',
  'Wasm/Hosted Platforms': 'infrastructure/cloud',
};

/** Curated GitHub topic → area table (topic ids); wins over the description rules. */
export const TOPIC_AREA: Readonly<Record<string, AreaId | null>> = {
  // frontend & mobile
  angular: 'frontend', 'angular-cli': 'frontend', react: 'frontend', vue: 'frontend', svelte: 'frontend', nextjs: 'frontend', nuxt: 'frontend',
  gatsby: 'frontend', astro: 'frontend', ember: 'frontend', backbonejs: 'frontend', aurelia: 'frontend', preact: 'frontend', jquery: 'frontend',
  css: 'frontend', 'css-framework': 'frontend', 'css-modules': 'frontend', sass: 'frontend', less: null, tailwind: 'frontend', bootstrap: 'frontend',
  bulma: 'frontend', 'styled-components': 'frontend', 'material-design': 'frontend', 'design-system': 'frontend', 'dark-mode': 'frontend',
  'responsive-design': 'frontend', 'web-accessibility': 'frontend', i18n: 'frontend', localization: 'frontend', ui: 'frontend', ux: 'frontend',
  'ui-design': 'frontend', frontend: 'frontend', html: 'frontend', dom: 'frontend', jsx: 'frontend', redux: 'frontend', zustand: 'frontend',
  storybook: 'frontend', 'react-native': 'frontend', flutter: 'frontend', android: 'frontend', 'android-library': 'frontend', ios: 'frontend',
  swiftui: 'frontend', 'jetpack-compose': 'frontend', xamarin: 'frontend', ionic: 'frontend', cordova: 'frontend', expo: 'frontend', mobile: 'frontend',
  'kotlin-multiplatform': 'frontend', nativescript: 'frontend', pwa: 'frontend', spa: 'frontend', 'web-components': 'frontend', 'react-router': 'frontend',
  mantine: 'frontend', 'shadcn-ui': 'frontend', 'framer-motion': 'frontend', threejs: 'frontend', electron: 'frontend', tauri: 'frontend', webview: 'frontend',
  figma: 'frontend', vite: 'frontend', webpack: 'frontend', postcss: 'frontend', 'server-side-rendering': 'frontend', blazor: 'frontend', uwp: 'frontend',
  wpf: 'frontend', winforms: 'frontend', winui: 'frontend', gtk: 'frontend', qt: 'frontend', javafx: 'frontend', swing: 'frontend', avalonia: 'frontend',
  // backend
  django: 'backend', flask: 'backend', fastapi: 'backend', rails: 'backend', laravel: 'backend', symfony: 'backend', express: 'backend', nestjs: 'backend',
  koa: 'backend', fastify: 'backend', honojs: 'backend', 'spring-boot': 'backend', spring: 'backend', 'spring-mvc': 'backend', aspnet: 'backend',
  quarkus: 'backend', vertx: 'backend', gin: 'backend', phoenix: 'backend', 'swift-vapor': 'backend', vapor: 'backend', codeigniter: 'backend', yii: 'backend',
  nodejs: 'backend', deno: 'backend', bun: 'backend', backend: 'backend', api: 'backend', 'rest-api': 'backend', graphql: 'backend', grpc: 'backend',
  openapi: 'backend', 'json-api': 'backend', websocket: 'backend', 'socket-io': 'backend', oauth2: 'backend', oidc: 'backend', jwt: 'backend',
  authentication: 'backend', authorization: 'backend', sso: 'backend', auth0: 'backend', passkeys: 'backend', webauthn: 'backend', firebase: 'backend',
  supabase: 'database', appwrite: 'backend', nhost: 'backend', sidekiq: 'backend', elasticsearch: 'backend', meilisearch: 'backend', algolia: 'backend',
  mqtt: 'backend', microservice: 'backend', crud: 'backend', 'apollo-server': 'backend', moleculer: 'backend', feathers: 'backend', hanami: 'backend',
  asgi: 'backend', amphp: 'backend', reactphp: 'backend', netty: 'backend', 'chatgpt-api': 'backend', mcp: 'backend', 'mcp-server': 'backend',
  // database
  database: 'database', sql: 'database', nosql: 'database', postgresql: 'database', mysql: 'database', mariadb: 'database', sqlite: 'database',
  mongodb: 'database', mongoose: 'database', redis: 'database', cassandra: 'database', neo4j: 'database', 'oracle-database': 'database',
  'sql-server': 'database', orm: 'database', eloquent: 'database', pdo: 'database', 'nebula-graph': 'database', rockset: 'database', query: 'database',
  // containers/kubernetes
  kubernetes: 'containers/kubernetes', docker: 'containers/kubernetes', 'docker-compose': 'containers/kubernetes', dockerfile: 'containers/kubernetes',
  'docker-image': 'containers/kubernetes', portainer: 'containers/kubernetes',
  // observability
  monitoring: 'observability', grafana: 'observability', opentelemetry: 'observability', logging: 'observability', apm: 'observability',
  instrumentation: 'observability', sre: 'observability',
  // testing
  testing: 'testing', 'unit-testing': 'testing', 'integration-testing': 'testing', 'test-automation': 'testing', tdd: 'testing', bdd: 'testing',
  jest: 'testing', mocha: 'testing', chai: 'testing', jasmine: 'testing', playwright: 'testing', selenium: 'testing', puppeteer: 'testing',
  cucumber: 'testing', phpunit: 'testing', rspec: 'testing', codeception: 'testing', robotframework: 'testing', coverage: 'testing',
  'smoke-tests': 'testing', xk6: 'testing', fuzzing: 'testing', 'chaos-engineering': 'testing',
  // CI/CD
  cicd: 'CI/CD', cd: 'CI/CD', 'continuous-integration': 'CI/CD', 'continuous-delivery': 'CI/CD', 'continuous-deployment': 'CI/CD', jenkins: 'CI/CD',
  'concourse-ci': 'CI/CD', woodpeckerci: 'CI/CD', gitops: 'CI/CD', actions: 'CI/CD', deployment: 'CI/CD', deployer: 'CI/CD', 'azure-devops': 'CI/CD',
  devops: null, 'azd-templates': null,
  // infrastructure/cloud
  aws: 'infrastructure/cloud', azure: 'infrastructure/cloud', 'google-cloud': 'infrastructure/cloud', cloudflare: 'infrastructure/cloud',
  heroku: 'infrastructure/cloud', vercel: 'infrastructure/cloud', netlify: 'infrastructure/cloud', 'cloud-run': 'infrastructure/cloud',
  terraform: 'infrastructure/cloud', ansible: 'infrastructure/cloud', 'ansible-role': 'infrastructure/cloud', puppet: 'infrastructure/cloud',
  saltstack: 'infrastructure/cloud', vagrant: 'infrastructure/cloud', 'infrastructure-as-code': 'infrastructure/cloud', serverless: 'infrastructure/cloud',
  provisioning: 'infrastructure/cloud', nginx: null, vpn: 'infrastructure/cloud', network: 'infrastructure/cloud',
  'platform-engineering': 'infrastructure/cloud', 'self-hosted': 'infrastructure/cloud', 'edge-computing': 'infrastructure/cloud', libcloud: 'infrastructure/cloud',
  stackql: 'infrastructure/cloud', 'service-fabric': 'infrastructure/cloud', openfaas: 'infrastructure/cloud', 'deta-space': null, deta: null,
  // security
  security: 'security', cybersecurity: 'security', devsecops: 'security', cve: 'security', 'static-code-analysis': 'security', malware: 'security',
  'open-policy-agent': 'security', 'end-to-end-encryption': 'security', 'post-quantum-cryptography': 'security', bugbounty: 'security',
  'confidential-computing': 'security', sanitization: 'security', cors: 'security', tls: 'security', osint: null, hacking: null, exploit: null,
  // data pipelines
  bigquery: 'data pipelines', spark: 'data pipelines', pubsub: 'data pipelines', pulsar: 'data pipelines', 'machine-learning': 'data pipelines',
  'deep-learning': 'data pipelines', pytorch: 'data pipelines', tensorflow: 'data pipelines', keras: 'data pipelines', 'scikit-learn': 'data pipelines',
  'data-science': 'data pipelines', 'data-analysis': 'data pipelines', dataops: 'data pipelines', 'data-load-tool': 'data pipelines',
  'feature-engineering': 'data pipelines', 'fine-tuning': 'data pipelines', 'time-series': null, pandas: 'data pipelines', jupyter: null,
  'data-visualization': null, 'jupyter-notebook': null, data: null, dataset: null,
  // languages, formats and unrelated topics whose descriptions would trip the rules below
  java: null, json: null, dart: null, anidb: null, imagenet: null, myanimelist: null, 'pov-ray': null, powershell: null, 'psr-11': null,
  'psr-15': null, rocket: null, sciter: null, sketch: null, tui: null, 'visual-studio': null, xampp: null, 'github-desktop': null, classless: null,
  // Sixth session, from the unmapped topics: browser extensions, page templating and mobile-platform tooling are
  // client code; headless CMSs and wiki/collaboration servers are server-side application work; network appliances
  // and IPAM are infrastructure. (Chat platforms stay unmapped: as often a notification channel as an integration.)
  'chrome-extension': 'frontend', 'firefox-extension': 'frontend', webextension: 'frontend', userscript: 'frontend', localstorage: 'frontend',
  'media-queries': 'frontend', stimulus: 'frontend', livewire: 'frontend', handlebars: 'frontend', pug: 'frontend', ejs: 'frontend',
  nunjucks: 'frontend', apk: 'frontend', 'android-studio': 'frontend', xcode: 'frontend', tvos: 'frontend', watchos: 'frontend', visionos: 'frontend',
  contentful: 'backend', 'kontent-ai': 'backend', mediawiki: 'backend', nextcloud: 'backend',
  netbox: 'infrastructure/cloud', mikrotik: 'infrastructure/cloud', pihole: 'infrastructure/cloud',
};

/** Description rules for GitHub topics without a curated entry (first match wins). */
export const DESCRIPTION_RULES: readonly (readonly [RegExp, AreaId])[] = [
  [/\b(database|nosql|sql)\b/i, 'database'],
  [/\b(continuous (integration|delivery|deployment)|ci\/cd)\b/i, 'CI/CD'],
  [/\b(testing framework|test framework|unit tests?|end-to-end test)/i, 'testing'],
  [/\b(kubernetes|container(s|ized)?)\b/i, 'containers/kubernetes'],
  [/\b(monitoring|observability|tracing)\b/i, 'observability'],
  [/\b(infrastructure as code|configuration management|cloud computing platform)\b/i, 'infrastructure/cloud'],
  [/\b(vulnerabilit(y|ies)|penetration testing|security scanner)\b/i, 'security'],
  [/\b(data pipelines?|etl|data warehouse|stream processing)\b/i, 'data pipelines'],
  [/\b(user interfaces?|front-?end|css|mobile app(lication)?s?)\b/i, 'frontend'],
  [/\b(web framework|web application framework|http server|backend)\b/i, 'backend'],
  // Platforms whose customisation is server-side application work (plugins, modules, themes' data): WordPress,
  // Drupal, Umbraco, PrestaShop — the dev labels read Shopify the same way.
  [/\b(content management|cms|e-?commerce platform|payment (system|stream|gateway)|feature flag(ging)?)\b/i, 'backend'],
  [/\b(static site generators?|gui library|gui framework|desktop platforms|model-view-viewmodel)\b/i, 'frontend'],
  [/\bapi testing tool\b/i, 'testing'],
];

/** Names dropped outright: generic words that no casing makes reliable in task texts. */
export const DROP: ReadonlySet<string> = new Set([
  'keep', 'bub', 'chaos', 'flux', 'apollo', 'open', 'service', 'platform', 'data', 'api', 'cloud', 'app', 'web', 'code', 'test', 'build', 'go', 'c', 'r', 'd',
  'v', 'red', 'tool', 'library', 'framework', 'security', 'network', 'server', 'client', 'software', 'support', 'project', 'template', 'example',
  // (English words or bare abbreviations that the description rules would otherwise map: "as a blogger", "iced".)
  'blogger', 'iced', 'dle', 'mada',
]);

/** Common English words: catalogue names equal to one of these need exact case (policy above). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(`a about above access act action active actions add address after again agent air
all alloy amber anchor answer apex apollo apple arch archer area argo arrow art aspire atlas atom aurora autopilot backstage badger
bank base basic beacon beam bear bee bell berry big bird black blade blue boat bolt bond book boost border boundary box brain bridge
bright bucket buddy build bull cadence calico camel canary capsule carbon cargo cart cast castle cat cell center chain chalk chaos
chart check chef chorus chrome circle citadel clarity clear clock cloud cluster coach code cog comet compass concord conductor contour
cookie coral core cortex cosmos crane crystal cube current cut dagger dapper dash data dawn deck delta depot desk dex diamond dial
direct dock dome dot dragon dragonfly drift drone drop dust eagle echo edge element elk ember emerald empire engine envoy epoch
escape event falcon fiber fire flagger flame flash fleet flint flow flux fly focus forge fort fossil fox frame fusion galaxy gate
gauge gear gem ghost glass glide glue gold grace graph gravity grid guard guide harbor harbour harness hawk heart helm hero hive
hook horizon hub ice icon ignite image impact index inspector iron island jet journey keel keep key kind king kit knative lab
lake lambda lamp lantern laser launch layer lead leaf lens level lever light lime line link lion liquid loft logic loom loop lotus
magnet maker map marble mark mars mask matrix maven meadow mesh meteor metric micro mint mirror mist mode model monitor moon
motion mountain nexus night noble node nomad north nova oak ocean octopus okta olive omni onyx open opal operator orbit orchard
origin otter outpost owl pack palette panda paper parrot path peak pearl pepper phoenix pilot pine pipe pivot pixel planet plank
plaza plug pod point polaris polar portal prism probe prometheus prompt pulse pump quartz quest quick radar radius rain range
raven ray reach realm reef relay rex ridge ring river robin rock rocket root rover ruby rudder runner sage sail salt sand saturn
scale scout screen sea seal sentinel sentry shade shadow shell shield ship shift sigma signal silver sink sky slate sleuth snap
solar solo sonar spark spectrum sphere spider spin spire spirit spot spring spruce square stack star steam steel stone storm
stream strike summit sun swan swift switch sword tag talon tank target teleport tempo terra thanos thunder tide tiger timber
titan token torch tower trace track trail tree trellis trident trust tunnel turbine twin union unity urban vault vector venture
vertex view vine vision volcano volt volume vortex wave weave web whale wheel wind wing wire wolf wood zero zone argo tilt
stimulus pug jade handlebars
capsule cilium rook harbor jaeger thanos cortex falco notary dragonfly kraken teller keycloak dex accordion amp architect bamboo
beats cedar coder curve distribution druid elastic foreman functions goose guidance hexa kong lagoon lunar member middleware nest next
outlines pipelines plural pluto porter registry reset rest run score semaphore sidekick skipper slime split squash stacker storage strands
temporal topaz typhoon unstructured vapor disambiguation query metrics logging monitoring testing coverage networking deployment database
databases backend frontend authentication authorization mobile tns crate sam epsilon kilo helios hubble pixie arks armada carina cubex
fluid hatchet interlink kiosk lima membrane sparta tremor coroot dash0 encore gardener hono kusion nitric plural porter raft shifu
stacker submariner telepresence tinkerbell trickster vineyard xline zeppelin sanitize sanitizer sanitizers sanitization material
backbone passage permit protego replex salad sealer seata sedai sensu slurm spectro statefulset storage torchx upbound`.split(/\s+/).filter(Boolean));

interface CncfItem { name: string; category: string; subcategory: string }
interface Topic { topic: string | null; display_name: string | null; short_description: string; aliases?: string[] }

/** One generated entry: the surface name, its area, whether exact case is required, and its provenance. */
export type TechEntry = readonly [name: string, area: AreaId, exactCase: 0 | 1, source: string];

/** Name variants: the full name, the name without a parenthetical, the parenthetical, the name without a vendor prefix. */
function variants(name: string): string[] {
  const out = new Set<string>();
  const clean = name.trim();
  out.add(clean);
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(clean);
  if (paren) {
    out.add(paren[1]!.trim());
    out.add(paren[2]!.trim());
  }
  for (const v of [...out]) {
    const m = /^(AWS|Amazon|Azure|Microsoft|Google Cloud|Google|GCP|IBM Cloud|IBM|Oracle Cloud|Alibaba Cloud|Apache|CNCF|Red Hat|HashiCorp)\s+(.+)$/.exec(v);
    // The stripped name must still look like a product name (several words, or a digit or inner capital):
    // "AWS CloudFormation" → "CloudFormation", but "Google Cloud Run" does not yield "Run".
    if (m && m[2]!.length >= 3 && (/\s/.test(m[2]!) || /\d|.[A-Z]/.test(m[2]!))) out.add(m[2]!.trim());
  }
  return [...out].filter((v) => v.length >= 2);
}

function policy(name: string): 0 | 1 | null {
  const lower = name.toLowerCase();
  if (DROP.has(lower)) return null;
  if (lower.length <= 2) return 1;
  const words = lower.split(/\s+/);
  // A common word spelt all in lowercase by the catalogue gives no case to require: drop it.
  if (words.length === 1 && (COMMON_WORDS.has(lower) || /^(normali[sz]\w*)$/.test(lower))) return name === lower ? null : 1;
  return 0;
}

/** Builds the lexicon entries from the two catalogue files. Deterministic (sorted, first source wins). */
export function buildEntries(dataDir: string): { entries: TechEntry[]; attribution: string[] } {
  const cncf = JSON.parse(readFileSync(join(dataDir, 'cncf-landscape-technologies.json'), 'utf8')) as { source: string; items: CncfItem[] };
  const topics = JSON.parse(readFileSync(join(dataDir, 'github-topics.json'), 'utf8')) as { source: string; topics: Topic[] };
  const byName = new Map<string, TechEntry>();
  const put = (name: string, area: AreaId, source: string): void => {
    const p = policy(name);
    if (p === null) return;
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, [name, area, p, source]);
  };
  for (const t of topics.topics) {
    if (!t.topic) continue;
    let area: AreaId | null | undefined = TOPIC_AREA[t.topic];
    let source = `github-topic:${t.topic}`;
    if (area === undefined) {
      area = null;
      for (const [re, a] of DESCRIPTION_RULES) {
        if (re.test(t.short_description)) { area = a; source += ':description'; break; }
      }
    }
    if (!area) continue;
    const names = new Set<string>([t.topic.replace(/-/g, ' ')]);
    if (t.display_name) names.add(t.display_name);
    for (const a of t.aliases ?? []) names.add(a.replace(/-/g, ' '));
    for (const n of names) for (const v of variants(n)) put(v, area, source);
  }
  for (const it of cncf.items) {
    const area = CNCF_SUBCATEGORY_AREA[`${it.category}/${it.subcategory}`];
    if (!area) continue;
    for (const v of variants(it.name)) put(v, area, `cncf:${it.subcategory}`);
  }
  const entries = [...byName.values()].sort((a, b) => (a[0].toLowerCase() < b[0].toLowerCase() ? -1 : a[0].toLowerCase() > b[0].toLowerCase() ? 1 : 0));
  return { entries, attribution: [cncf.source, topics.source] };
}

/** Renders the generated TypeScript module. */
export function render(dataDir: string): string {
  const { entries, attribution } = buildEntries(dataDir);
  const lines = entries.map((e) => `  ${JSON.stringify(e)},`);
  return [
    '// GENERATED by scripts/buildLexicon.ts — do not edit; run `npx tsx scripts/buildLexicon.ts`.',
    '// Technology names mapped to requirement areas by the tables in scripts/buildLexicon.ts (see docs/routing.md).',
    ...attribution.map((a) => `// Source: ${a}`),
    "import type { AreaId } from '../analysisTypes';",
    '',
    '/** [surface name, area, exact case required (1) or not (0), provenance]. */',
    'export type TechEntry = readonly [string, AreaId, 0 | 1, string];',
    '',
    `/** ${entries.length} technology names from the CNCF landscape and GitHub topics. */`,
    'export const TECH_LEXICON: readonly TechEntry[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

if (require.main === module) {
  const text = render(DATA_DIR);
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error(`${OUT} is stale: run npx tsx scripts/buildLexicon.ts`);
      process.exit(1);
    }
    console.log('techLexicon.ts is up to date');
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
