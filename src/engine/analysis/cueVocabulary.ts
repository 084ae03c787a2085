import type { ConcernId } from './analysisTypes';

/**
 * Cue words the analyzer reads besides areas: what kind of deliverable the task asks for
 * (strategy, documentation, change), live operations, negation, L1 concerns and scope signals
 * (ROUTING §3–§5). Matched like the area vocabulary, on stemmed token sequences.
 */
export const CUE_KINDS = [
  'strategyNoun', 'strategyVerb', 'strategyOnly', 'docsNoun', 'docsVerb', 'implVerb', 'liveVerb', 'liveSoftVerb', 'automation', 'liveTarget',
  'negation', 'contained', 'substantial', 'wholeSystem', 'production', 'certification', 'migrationVerb', 'hostingObject', 'multiRegion',
  'hardConstraint', 'productFraming', 'planSubject', 'orchestrator', 'dbEngine', 'monolithSplit', 'scaleCue', 'externalProvider',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export const CUE_VOCABULARY: Readonly<Record<CueKind, readonly string[]>> = {
  // Deliverable is a plan/decision (ROUTING §3 "strategy").
  strategyNoun: [
    'plan', 'migration plan', 'spike', 'poc', 'proof of concept', 'proof-of-concept', 'rfc', 'adr', 'architecture decision record', 'design doc',
    'design document', 'technical design', 'proposal', 'evaluation', 'comparison', 'assessment', 'roadmap', 'strategy', 'decision', 'research',
    'feasibility study', 'trade-off analysis', 'tradeoff analysis', 'investigation report', 'audit', 'experiment', 'prototype', 'blueprint',
    'discussion', 'should we', 'do we need', 'how should we', 'how can we', 'how could we', 'how do we', 'what is the best way', 'which one', 'options for', 'list the step', 'steps to migrate', 'approach for', 'steps to be taken', 'steps to take', 'risks and mitigation', 'mitigations', 'responsibilities',
    'document the scope', 'define the scope', 'scope of the', 'scope of our',
    // Evaluative questions: their answer is an evaluation or a decision.
    'cost analysis', 'impact analysis', 'how difficult', 'how hard', 'how much effort', 'pros and cons', 'advantages and disadvantages', 'advantages / disadvantages', 'informed decision',
  ],
  // Strategy only when it is the task's leading verb ("Evaluate adding…", not "…and evaluate").
  strategyVerb: [
    'evaluate', 'research', 'decide', 'compare', 'assess', 'design', 'plan', 'explore', 'experiment', 'define', 'devise', 'analyze', 'analyse',
    'understand', 'identify', 'look at', 'look into', 'study', 'prototype', 'consider', 'propose', 'draft', 'outline', 'determine', 'investigate whether', 'investigate',
    'map out', 'brainstorm', 'choose', 'select', 'pick',
  ],
  // Strategy deliverables that make a task strategy-only whatever subject it names.
  strategyOnly: [
    'policy', 'threat model', 'threat modelling', 'threat modeling', 'control mapping', 'map control', 'map our control', 'map the control', 'map existing control', 'controls mapping', 'compliance analysis', 'risk analysis',
    'risk assessment', 'gap analysis', 'compliance runbook', 'data classification', 'which control', 'security policy', 'retention policy',
    'incident response plan', 'incident response process', 'incident response policy', 'risk register', 'security program', 'governance',
    'disaster recovery plan', 'business continuity plan', 'access review', 'agreement', 'baa', 'evidence pack', 'readiness artifact',
    'compliance evidence', 'audit documentation', 'audit evidence', 'audit package', 'compliance requirement', 'requirements for', 'benchmark',
  ],
  docsNoun: [
    'doc', 'docs', 'documentation', 'readme', 'guide', 'tutorial', 'wiki', 'docstring', 'changelog', 'how-to', 'howto', 'faq', 'tip', 'release note',
    'user guide', 'migration guide', 'configuration guide', 'contribution guide', 'contributing guide', 'javadoc', 'jsdoc', 'api doc', 'api reference',
    'handbook', 'typo', 'spelling', 'runbook', 'methodology', 'content about', 'write-up', 'writeup', 'retrospective', 'postmortem', 'post-mortem', 'blog post', 'blog posts', 'blog announcing', 'blog article', 'article on', 'article about', 'draft article', 'write an article', 'blog entry', 'blog series', 'announcement post', 'architecture diagram', 'diagram', 'docs site', 'documentation site',
    'an example', 'usage example', 'code sample', 'example configuration', 'example config',
    // Steps or notes written down for an operation are a how-to ("Add EKS migration notes").
    'recovery steps', 'migration notes', 'upgrade notes', 'installation notes', 'install notes', 'setup notes', 'deployment notes', 'installation steps', 'install steps', 'setup steps', 'upgrade steps', 'deployment steps', 'release steps',
    // A Markdown, reStructuredText or AsciiDoc file ("Create migration-approach.md") is a document.
    'md', 'rst', 'adoc',
    // A section or a checklist is a part of a document, or one ("Add section on monitoring in Kubernetes").
    'section on', 'section about', 'checklist',
  ],
  docsVerb: ['document', 'clarify', 'explain', 'describe', 'reword', 'proofread'],
  implVerb: [
    'implement', 'build', 'add', 'create', 'develop', 'integrate', 'deploy', 'migrate', 'fix', 'support', 'enable', 'configure', 'set up', 'setup',
    'introduce', 'replace', 'move', 'port', 'convert', 'refactor', 'rewrite', 'update', 'upgrade', 'remove', 'make', 'use', 'run', 'automate',
    'instrument', 'scale', 'provision', 'allow', 'provide', 'expose', 'store', 'send', 'switch', 'adopt', 'establish', 'install', 'ship', 'apply',
    'handle', 'track', 'improve', 'optimize', 'optimise', 'reduce', 'speed up', 'extract', 'split', 'scaffold', 'generate', 'publish', 'enforce',
    'rotate', 'encrypt', 'harden', 'secure', 'sunset', 'decommission', 'turn on', 'turn off', 'disable', 'deactivate', 'spin up', 'stand up',
  ],
  // Operations carried out on a live system (ROUTING §5, L4).
  liveVerb: [
    'deploy', 'redeploy', 'provision', 'tear down', 'teardown', 'scale up', 'scale out', 'scale', 'roll back', 'rollback',
    'restore', 'stand up', 'spin up', 'shut down', 'shutdown', 'cut over', 'cutover', 'fail over',
    'upgrade cluster',
  ],
  // Live only when the object is a named live resource (a cloud product, an environment, a cluster).
  liveSoftVerb: [
    'enable', 'turn on', 'turn off', 'disable', 'deactivate', 'configure', 'set up', 'setup', 'establish', 'update', 'apply', 'create', 'install', 'roll out',
    'remove', 'move', 'upgrade', 'change', 'increase', 'resize', 'launch', 'host', 'run', 'scan', 'run scan', 'rotate', 'sunset', 'decommission',
    'decomission', 'repurpose', 'shut down', 'patch', 'retire', 'delete', 'return', 'block',
  ],
  // The text builds automation for an operation instead of carrying it out.
  automation: [
    'automate', 'automated', 'automatically', 'auto-renew', 'auto-renewing', 'cron', 'cron job', 'pipeline', 'ci', 'workflow', 'script',
    'per pull request', 'per pr', 'on merge', 'when merge', 'github action', 'helm chart', 'terraform', 'opentofu', 'pulumi', 'cdk', 'aws cdk', 'cloudformation', 'bicep', 'module', 'iac', 'infrastructure as code',
    'template', 'option', 'config option', 'flag', 'support', 'allow user', 'ability', 'tooling', 'step',
  ],
  // Named live resources: cloud products and accounts, environments, clusters, registries, domains.
  liveTarget: [
    'production', 'prod', 'staging', 'staging environment', 'production environment', 'prod environment', 'live', 'cluster', 'aws account', 'cloud account', 'gcp account', 'azure account', 'azure subscription', 'gcp project',
    'aws environment', 'aws', 'gcp', 'azure', 'cloudflare', 'ec2', 's3', 'rds', 'ecr', 'iam', 'cloudfront', 'cloudwatch', 'route 53', 'route53', 'godaddy',
    'domain', 'registry', 'bucket', 'instance', 'server', 'bastion', 'vpc', 'load balancer', 'dns record', 'region', 'data center', 'datacenter',
    'state file', 'tf state', 'tfstate', 'terraform state', 'state bucket',
    'eks', 'gke', 'aks', 'fargate', 'ecs', 'lambda', 'heroku', 'stack', 'vm', 'virtual machine', 'database server', 'db server', 'tile server', 'digitalocean', 'hetzner', 'fly.io', 'azure ad', 'entra id', 'gcs', 'bigquery dataset',
  ],
  negation: ['without', 'not', "don't", 'do not', "doesn't", "won't", "isn't", "aren't", "wasn't", "weren't", 'never', 'except', 'excluding', 'instead of', 'rather than', 'other than', 'no change to'],
  // ROUTING §4 "low": a contained change.
  contained: [
    'fix', 'bug', 'typo', 'crash', 'error', 'broken', 'broke', 'not working', 'regression', 'small', 'minor', 'tweak', 'flag', 'option', 'config', 'setting',
    'one test', 'issue', 'fails', 'failing', 'failure', 'wrong', 'incorrect', 'slow', 'leak', 'exception', 'null', 'undefined', 'missing', 'rename',
    'bump', 'typo', 'cleanup', 'clean up', 'workaround', 'hotfix', 'patch', 'cannot', "can't", 'unable', "doesn't work", 'does not work',
    'no longer', 'stopped working', 'timeout', 'hang', 'freeze', 'glitch', 'flicker', 'inconsistent', 'duplicate', 'typos',
    // Symptoms in a bug report.
    'overlapping', 'misaligned', 'misalignment', 'cut off', 'cropped', 'truncated', 'time out', 'times out', 'timed out', 'timing out', 'out of memory', 'stuck', 'deadlock', 'race condition', 'segfault', 'panic', 'panics',
    'lost', 'gets lost', 'get lost', 'disappear', 'disappears', 'disappearing', 'data loss',
    'users report', 'user reports', 'never arrive', 'never arrives', 'not arriving', 'never received', 'not received', 'takes too long',
    'after upgrading', 'since upgrading', 'after the upgrade', 'since the upgrade', 'rejects valid', 'hot-loop', 'hot loop', 'hot-loops',
    'flaky', 'flakes', 'intermittent', 'intermittently', 'ignore', 'ignores', 'ignored', 'not respected', 'not honored', 'not honoured',
  ],
  // ROUTING §4 "medium" for one area: a new service or module, codebase-wide change, external integration.
  substantial: [
    'new service', 'microservice', 'new module', 'module', 'framework', 'system', 'subsystem', 'engine', 'platform', 'integration', 'integrate',
    'third-party', 'third party', 'external', 'provider', 'codebase-wide', 'codebase', 'code base', 'across the codebase', 'across the code base', 'across the app', 'across the web app', 'across the application', 'across the project', 'across the repo', 'across all', 'all service', 'across service',
    'every', 'all', 'entire', 'whole', 'comprehensive', 'complete', 'full', 'end-to-end', 'epic', 'overhaul',
    // Logs gathered from every service into one place: a new platform component, not one service's logging.
    'centralized logging', 'centralised logging', 'central logging', 'log aggregation', 'centralized log', 'centralised log', 'elk', 'elk stack', 'efk', 'efk stack', 'elastic stack',
    // Making a UI translatable touches every string of it: a codebase-wide change.
    'internationalization', 'internationalisation', 'i18n', 'localization support', 'localisation support', 'multi-language', 'multilingual',
    // A refactor said to be large is codebase-wide ("refactor" alone is a weak cue).
    'large refactor', 'major refactor', 'big refactor', 'large-scale refactor', 'refactor the codebase', 'refactor the code base', 'codebase refactor',
    // A compiler's strict mode or a language's next major version applies to every file: codebase-wide.
    'strict mode', 'transition to', 'transitioning to',
    'rewrite', 'rearchitect', 're-architect',
    'redesign', 'refactor', 'replace', 'migrate', 'migration', 'port to', 'port the', 'port from', 'convert', 'modernise', 'modernize', 'infrastructure', 'scaffold', 'sunset',
    'multi-tenancy', 'workflow', 'lifecycle', 'offline', 'sync', 'synchronization', 'real-time', 'realtime', 'sharding', 'replica', 'replication',
    'coverage', 'threshold', 'support for', 'multi-cloud', 'multi cloud',
    // A deployment strategy needs a second environment and traffic switching: a new deployment system.
    'blue/green', 'blue-green', 'blue green', 'canary deployment', 'canary release', 'progressive delivery',
  ],
  // ROUTING §4 "high": a whole product or platform.
  wholeSystem: [
    'platform', 'e-commerce', 'ecommerce', 'marketplace', 'shop', 'webshop', 'web shop', 'online store', 'storefront', 'saas', 'whole system', 'entire system', 'end-to-end platform', 'product', 'application stack',
    'v1 of the', 'first version of the', 'observability stack', 'monitoring stack', 'logging stack', 'production stack', 'portal', 'customer portal', 'mvp', 'minimum viable product', 'full stack', 'full-stack', 'from scratch', 'core infrastructure', 'data infrastructure', 'all ga service', 'all service', 'mern stack', 'mean stack', 'mevn stack', 'lamp stack', 'lemp stack',
  ],
  production: ['production', 'prod', 'in production', 'go live', 'go-live', 'launch', 'rollout', 'roll out', 'ga', 'general availability', 'live traffic'],
  certification: [
    'soc 2', 'soc2', 'soc 2 type', 'hipaa', 'pci dss', 'pci-dss', 'pci', 'fedramp', 'iso 27001', 'iso27001', 'certification', 'certified', 'ato',
    'authority to operate', 'hitrust', 'stateramp', 'cmmc',
  ],
  migrationVerb: [
    'migrate', 'migration', 'move', 'moving', 're-platform', 'replatform', 'replatforming', 'lift and shift', 'lift-and-shift', 'relocate', 'transition',
    'switch', 'move away', 'migrate away', 'move off', 'move out', 'cut over', 'cutover', 'rehost', 'rehome', 'replace', 'swap', 'transfer', 'shift', 'in favor of', 'in favour of',
    'consolidate onto', 'port from', 'port to', 'port', 'change from',
    // Leaving a host for one not yet chosen ("Heroku is dropping its free tier, so we need to find somewhere else to host…").
    'find an alternative', 'find alternative', 'find another', 'somewhere else to host', 'find somewhere else', 'alternative hosting', 'alternative host',
  ],
  // Where a system is hosted or orchestrated; a migration between these is extreme (ROUTING §4).
  hostingObject: [
    'aws', 'gcp', 'google cloud', 'azure', 'cloud', 'self-hosted', 'self hosted', 'on-prem', 'on-premise', 'on-premises', 'data center', 'datacenter',
    'hosting', 'heroku', 'digitalocean', 'digital ocean', 'hetzner', 'ovh', 'linode', 'ec2', 'vm', 'virtual machine', 'bare metal', 'infrastructure', 'aws account',
    'region', 'cloud provider', 'kubernetes', 'k8s', 'k8', 'eks', 'gke', 'aks', 'openshift', 'ecs', 'fargate', 'nomad', 'cluster', 'docker swarm',
    'serverless', 'lambda', 'app engine', 'cloud run', 'vercel', 'netlify', 'fly.io', 'render.com', 'colo', 'colocation', 'openstack', 'vmware',
    'cloud foundry', 'paas', 'oracle cloud', 'ibm cloud', 'alibaba cloud', 'vultr', 'scaleway', 'railway', 'mainframe', 'azure vm', 'compute engine',
    'gce', 'app service', 'proxmox', 'hosting provider', 'cloud account', 'aws organization', 'new cluster', 'managed kubernetes', 'another platform', 'different platform', 'another host', 'different host', 'new host',
    'vps', 'droplet', 'dedicated server', 'rackspace', 'docker compose', 'docker-compose',
    // Platforms named by common words: hosts only when written as names (see the analyzer's `hostObjs`).
    'render', 'fly',
    // A server named as where things will run ("to a more performant server", "to new production server").
    'new server', 'new servers', 'production server', 'performant server', 'another server', 'different server', 'separate server', 'bigger server', 'larger server', 'faster server', 'own server', 'own servers', 'normal servers', 'physical server', 'physical servers', 'old server', 'old servers', 'legacy server', 'legacy servers',
    // Backend-as-a-service platforms host an app's data, auth and functions.
    'firebase', 'supabase', 'appwrite', 'pocketbase', 'parse server', 'self-hosted backend', 'self hosted backend',
  ],
  multiRegion: [
    'multi-region', 'multi region', 'multiregion', 'across region', 'second region', 'cross-region', 'cross region', 'active-active', 'active active',
    // Replication between sites or a database spread over geographies is the system across regions.
    'cross-site replication', 'cross site replication', 'geographic node distribution', 'geographically distributed',
    'multi-site', 'multi site', 'between the clouds', 'between clouds', 'across clouds', 'both aws and gcp', 'both aws and azure', 'both gcp and azure', 'both gcp and aws', 'both azure and aws', 'both azure and gcp', 'another region', 'separate region', 'second deployment', 'around the world', 'worldwide deployment', 'world-wide deployment', 'across cloud', 'multi-cloud deployment', 'geo-redundant', 'geo redundant', 'multiple region', 'several cloud',
    'multi-datacenter', 'multi-data-center', 'global deployment', 'multiple cloud', 'multiple regions', 'geo-replication', 'across data center',
    'second data center', 'dr region', 'cross-cloud', 'hybrid cloud', 'multi-region deployment', 'region failover', 'regional failover',
    'several region', 'all region', 'every region', 'two region', 'three region', '2 region', '3 region', 'in multiple region',
    'two aws region', 'two cloud', 'two data center', 'two datacenter', 'disaster recovery site', 'dr site', 'secondary site', 'standby region',
    'warm standby', 'pilot light', 'secondary region', 'failover region',
    // A region named as one the system is to run in as well ("Add support for EU region").
    'new region', 'additional region', 'eu region', 'us region', 'uk region', 'apac region', 'asia region',
  ],
  hardConstraint: [
    'zero downtime', 'zero-downtime', 'no downtime', 'without downtime', 'high availability', 'highly available', 'rto', 'rpo', 'real-time at scale',
    'five nine', 'four nine', 'availability target', 'uptime sla', 'sla', 'millions of', 'at scale', 'tps', 'rps', 'qps',
    'requests per second', 'transactions per second', 'p99 under', 'p99 below', 'p99 latency under', '99.9', '99.99', '99.95', '99.999',
  ],
  // ROUTING §6: explicit product framing → product-manager.
  productFraming: [
    'as a user', 'user story', 'user stories', 'customer-facing', 'customer facing', 'business requirement', 'acceptance criteria', 'mvp', 'customer',
    'end user', 'end-user', 'product requirement', 'feature request', 'marketing', 'revenue', 'pricing', 'onboarding', 'loyalty', 'user experience',
    'so that i can', 'so that we can', 'i want', 'we want user', 'product owner', 'stakeholder', 'market', 'multi-market',
  ],
  planSubject: ['the plan is', 'plan is to', 'plan to', 'planned', 'planning to'],
  orchestrator: ['kubernetes', 'k8s', 'k8', 'eks', 'gke', 'aks', 'openshift', 'ecs', 'fargate', 'nomad', 'docker swarm', 'swarm', 'k3s', 'cronjob'],
  dbEngine: [
    'postgres', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'mongo', 'mongodb', 'dynamodb', 'cassandra', 'cockroachdb', 'oracle', 'sql server', 'mssql',
    'couchdb', 'firestore', 'aurora', 'cloud sql', 'neo4j', 'redis', 'timescaledb', 'influxdb', 'clickhouse', 'tidb', 'rds',
    // Warehouse engines: moving a production warehouse between them replaces its engine.
    'redshift', 'bigquery', 'snowflake', 'synapse', 'databricks sql',
  ],
  monolithSplit: ['monolith', 'monolithic', 'into microservice', 'into service', 'split the monolith', 'break up the monolith', 'decompose the monolith'],
  scaleCue: ['scale', 'scalability', 'scalable', 'traffic', 'load', 'throughput', 'performance at scale', 'handle more'],
  // External systems a change integrates with (ROUTING §4 medium: "an integration with an external system"):
  // identity federation, payment, messaging and push providers. Protocols built in-house (OAuth grants,
  // JWT) are not here.
  externalProvider: [
    'saml', 'sso', 'single sign-on', 'single sign on', 'oidc', 'openid connect', 'social login', 'social logins', 'ldap', 'active directory', 'azure ad',
    'entra id', 'auth0', 'okta', 'keycloak', 'cognito', 'google sign-in', 'sign in with google', 'login with google', 'sign in with github',
    'stripe', 'paypal', 'braintree', 'adyen', 'square payments', 'mollie', 'razorpay', 'chargebee', 'paddle', 'shopify',
    'twilio', 'sendgrid', 'mailgun', 'postmark', 'mailchimp', 'vonage', 'messagebird', 'whatsapp', 'telegram bot', 'slack app', 'discord bot',
    'firebase cloud messaging', 'fcm', 'apns', 'onesignal', 'pusher',
    // A provider of such a kind named by its kind ("Change Transactional Email Provider", "Add notification provider
    // seven.io"), and card payments, which go through one.
    'email provider', 'e-mail provider', 'mail provider', 'sms provider', 'notification provider', 'push provider', 'payment provider',
    'payment gateway', 'payment processor', 'identity provider', 'oauth provider', 'credit card', 'debit card', 'card data', 'wallet payment', 'wallet payments',
  ],
};

/** L1 concern vocabulary (ROUTING §6 signal lists, widened by meaning). */
export const CONCERN_VOCABULARY: Readonly<Record<ConcernId, readonly string[]>> = {
  architecture: [
    'architecture', 'architect', 'adr', 'adrs', 'migrate', 'migration', 're-platform', 'replatform', 'rewrite', 'redesign', 'rearchitect', 're-architect', 'scalability',
    'scalable', 'technology choice', 'tech stack', 'monolith', 'microservice', 'port to', 'port the', 'port it', 'port from', 'replace', 'move from', 'switch from', 'switch to',
    'sharding', 'shard', 'replica', 'read replica', 'replication', 'failover', 'high availability', 'multi-region', 'multi-cloud', 'modernise', 'modernize',
    'convert', 'transition to', 'transitioning to', 'decouple', 'event-driven', 'event sourcing', 'cqrs', 'domain-driven design', 'consolidate', 'adopt', 'vs', 'versus', 'choose between', 'whether to', 'which database', 'which framework', 'evaluate option', 'multi-account', 'landing zone', 'geo-distribute', 'horizontal scaling', 'scale out',
    // A cache layer is scalability design (§6), whatever it caches.
    'caching layer', 'cache layer', 'caching strategy', 'caching strategies',
  ],
  compliance: [
    'compliance', 'compliant', 'soc 2', 'soc2', 'gdpr', 'hipaa', 'pci', 'pci dss', 'pci-dss', 'iso 27001', 'iso27001', 'fedramp', 'ccpa', 'cpra', 'policy',
    'security risk', 'risk assessment', 'risk management', 'risk register', 'risk analysis', 'risk acceptance', 'security audit', 'compliance audit', 'audit log', 'audit trail', 'threat model', 'ato', 'authority to operate', 'security control',
    'privacy', 'regulation', 'regulatory', 'data residency', 'dsar', 'consent', 'data retention', 'hitrust', 'nist', 'cis benchmark', 'governance',
    'legal', 'safeguard', 'certification', 'control mapping', 'which control', 'cis', 'stig', 'license compliance', 'license scanner',
    'license scan', 'license scanning', 'licence compliance',
    // Further regulations and certification schemes (EU cloud and security law, national cloud schemes, the ISO family).
    'eucs', 'bsi c5', 'cyber essentials', 'iso 27017', 'iso 27018', 'iso 27701', 'iso 42001', 'tisax', 'irap', 'nis2', 'lgpd', 'pipeda', 'coppa', 'ferpa', 'fisma', 'cmmc', 'stateramp', 'govramp', 'cjis',
  ],
  product: [
    'as a user', 'as an admin', 'as an applicant', 'as a customer', 'user story', 'customer-facing', 'customer facing', 'business requirement',
    'acceptance criteria', 'mvp', 'product requirement', 'feature request', 'customer portal', 'marketing', 'pricing', 'onboarding', 'loyalty', 'reward',
    'user experience', 'product owner', 'stakeholder', 'market', 'multi-market', 'engagement', 'conversion', 'self-service', 'e-commerce',
    'ecommerce', 'marketplace', 'storefront', 'user story', 'users want', 'business value',
  ],
};
