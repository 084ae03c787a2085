import type { AreaId } from './analysisTypes';

/**
 * Hand-written area vocabulary: the nouns, verbs, abbreviations and common products a senior
 * engineer associates with each requirement area (ROUTING §3). Phrases are matched on stemmed
 * token sequences (see tokenize.ts), so plurals and inflections need not be listed.
 *
 * Weights: 1 = the phrase alone names the area; 0.5 = weak (ambiguous word, or a product that
 * usually sits beside the area); an area is found when its evidence sums to at least 1.
 * The generated catalogue lexicon (generated/techLexicon.ts) adds technology names; entries
 * here take precedence over it.
 */
/**
 * Words that name an area only weakly (0.5): ambiguous in general English or across areas
 * ("view", "server", "environment", "release", "log"). Two weak hits, or one strong, make an area.
 */
export const WEAK_PHRASES: ReadonlySet<string> = new Set([
  // backend
  'server', 'import', 'export', 'report', 'library', 'worker', 'scheduler', 'gateway', 'proxy', 'cli', 'sdk', 'handler', 'validation',
  'session', 'role', 'password', 'cron job', 'reminder', 'thread', 'concurrency', 'timeout', 'latency', 'response time', 'exception', 'stack trace',
  'notification', 'email', 'upload', 'tenant', 'llm', 'recommendation', 'middleware', 'memory leak', 'library', 'pricing', 'currency',
  // data
  'model', 'training', 'dataset', 'ml', 'warehouse', 'glue', 'beam', 'hive', 'bi', 'streaming', 'historical data', 'batch job', 'spark',
  // frontend
  'view', 'screen', 'display', 'render', 'rendering', 'site', 'header', 'footer', 'chart', 'activity', 'fragment', 'tab', 'style', 'form', 'component',
  'theme', 'themes', 'click', 'clicking', 'tap', 'overlap', 'overflow', 'color', 'colour', 'font', 'menu', 'icon', 'browser', 'scroll', 'mobile', 'banner', 'toggle',
  'swift', 'electron', 'seo', 'vite', 'webpack', 'translation', 'animation', 'widget', 'page', 'chrome', 'idp',
  // infra
  'environment', 'production environment', 'prod environment', 'instance', 'lb', 'dr', 'storage', 'module', 'cost', 'capacity', 'edge', 'p2p', 'region', 'domain', 'network', 'staging', 'fly', 'provision',
  'provisioning', 'cloud', 'hosting', 'infra', 'pagination', 'aws', 'gcp', 'azure', 'google cloud', 'amazon web services', 'self-hosted', 'self hosted', 'bucket', 'vm', 'ssh', 'iam', 'lambda', 's3', 'networking', 'debian', 'ubuntu',
  // security
  'secure', 'tls', 'injection', 'safeguard', 'credential', 'credentials', 'exploit', 'firewall', 'opa',
  'ids', 'malware',
  // observability
  'log', 'monitor', 'availability', 'trace', 'health check', 'healthcheck', 'instrument', 'heartbeat', 'profiling', 'uptime', 'be notified', 'notify us',
  // testing
  'mock', 'mocking', 'fixture', 'flaky', 'testability', 'chaos engineering',
  // CI/CD
  'release', 'build', 'artifact', 'publish', 'runner', 'ship', 'shipping', 'deployment', 'rollout', 'pipeline', 'workflow file', 'pre-commit',
  // containers
  'operator', 'controller', 'namespace', 'workload', 'chart', 'manifest', 'swarm', 'image', 'cluster', 'envoy', 'sidecar',
  // database
  'search', 'filter', 'replica', 'sorting', 'chat', 'messaging', 'order', 'cart', 'inventory', 'booking', 'reservation', 'quota', 'entity', 'dump', 'spec',
  'snapshot', 'probe', 'span', 'exporter', 'gauge', 'histogram', 'sre', 'observable', 'client', 'canvas', 'drawer', 'navigation', 'wizard',
  'placeholder', 'reporting', 'kpi', 'notebook', 'ray', 'census', 'render', 'railway', 'nat', 'ssl', 'https', 'signing', 'leaked', 'vulnerable',
  'scraper', 'crawler', 'embedding', 'embeddings', 'tempo', 'harness', 'nx', 'lineage', 'rum', 'seccomp', 'r2', 'wal', 'cipher',
  'mutation', 'resolver', 'parser', 'otp', 'entitlement', 'uat', 'service account', 'playbook', 'data load',
  'table', 'column', 'constraint', 'trigger', 'transaction', 'record', 'partition', 'partitioning', 'join', 'data model', 'oracle', 'index',
]);

export const AREA_VOCABULARY: Readonly<Record<AreaId, readonly (string | readonly [string, number])[]>> = {
  backend: [
    // "Front and backend" names both ends (listed under frontend too).
    'front and backend', 'front and back end', 'front- and backend',
    // Eighth-pass audit: roles, user administration, error handling, plugin systems and personal-data handling are
    // server-side features.
    'user administration', 'user role', 'user roles', 'admin role', 'role-based', 'based on their role', 'based on role', 'based on user role', 'per role', 'roles and permissions', 'error handling', 'exception handling', 'plugin system',
    'data deletion', 'delete personal data', 'personal data deletion', 'right to be forgotten', 'right-to-be-forgotten', 'right to erasure', 'right-to-erasure', 'dsar', 'anonymise', 'anonymize', 'anonymisation', 'anonymization',
    // A meaning-driven audit (seventh pass): generic server-side nouns and auth/backend libraries a battery of plain tasks missed.
    'rate limiter', 'token refresh', 'refresh token', 'image resizing', 'image processing', 'thumbnail generation', 'search indexing', 'search index', 'prompt template', 'plugin loader', 'scheduled task', 'user management', 'ldap', 'bcrypt', 'argon2', 'passport.js', 'nextauth', 'next-auth', 'auth.js', 'trpc', 'tokio', 'axum', 'actix',
    // A schema of a document, message or API format is not a database schema (the longer phrase wins over 'schema').
    'json schema', 'openapi schema', 'swagger schema', 'api schema', 'xml schema', 'zod schema', 'yaml schema', 'config schema', 'configuration schema', 'settings schema', 'validation schema', 'request schema', 'response schema',
    // A full-stack application is backend and frontend work (the phrase is listed under both).
    'full-stack', 'full stack', 'fullstack', 'registration', 'password reset', 'email verification', 'invite', 'invitation', 'user account', 'file storage', 'pdf generation', 'csv export',
    'chat', 'messaging', 'real-time update', 'event bus', 'domain model', 'service layer', 'dependency injection', 'plugin system', 'serialization',
    'deserialization', 'parser', 'subcommand', 'environment variable', 'env var', 'config file', 'configuration file', 'captcha', 'recaptcha',
    'search', 'filter', 'sorting', 'job scheduler', 'scheduled job', 'batch endpoint', 'bulk api', 'idempotency', 'retry logic', 'circuit breaker',
    'api versioning', 'api client', 'http client', 'rest endpoint', 'graphql schema', 'resolver', 'mutation', 'oauth flow', 'magic link', 'otp',
    'entitlement', 'quota', 'usage limit', 'invoice generation', 'shopping cart', 'cart', 'order', 'inventory', 'booking', 'reservation',
    'backend', 'back-end', 'back end', 'server-side', 'server side', 'api', 'rest api', 'restful', 'graphql', 'grpc',
    'endpoint', 'route handler', 'microservice', 'web service', 'business logic', 'rpc', 'openapi', 'swagger',
    'auth', 'authentication', 'authorization', 'authorisation', 'login', 'log in', 'log into', 'log onto', 'sign into', 'logout', 'sign-in', 'sign in', 'sign-up', 'sign up', 'signup',
    'oauth', 'oauth2', 'oidc', 'openid connect', 'saml', 'sso', 'single sign-on', 'jwt', 'rbac', 'abac', 'role-based access', 'role based access', 'attribute-based access', 'permission', 'access control',
    'role', 'api key', 'api token', 'webhook', 'webhook signature', 'totp', '2fa', 'two-factor', 'passkey', 'webauthn', 'password', 'session',
    'payment', 'stripe', 'paypal', 'braintree', 'adyen', 'billing', 'invoice', 'pricing', 'currency', 'multi-currency', 'exchange rate', 'fx rate', 'tax calculation', 'email domain', 'subscription', 'refund', 'checkout', 'tokenisation', 'tokenization',
    'keycloak', 'auth0', 'okta', 'cognito', 'firebase auth', 'authentik', 'zitadel', 'clerk',
    'identity provider', 'idp', 'cache', 'caching', 'memcached', 'queue', 'message queue', 'background job', 'job queue', 'celery', 'sidekiq', 'rabbitmq', 'rabbit mq', 'sqs', 'bullmq', 'resque',
    'nats', 'jetstream', 'activemq', 'amqp', 'message broker', 'event bus', 'event sourcing',
    'email', 'e-mail', 'smtp', 'sms', 'twilio', 'sendgrid', 'mailgun', 'notification', 'push notification', 'firebase cloud messaging', 'fcm', 'apns', 'whatsapp',
    'integration with', 'third-party', 'third party', '3rd-party', 'websocket', 'socket.io', 'server-sent events', 'rate limit', 'rate limiting', 'throttling',
    'pagination', 'paginate', 'cursor-based pagination', 'multi-tenancy', 'multi-tenant', 'tenant', 'upload', 'presigned url', 'file upload', 'user profile', 'slack integration', 'slack bot', 'slack app', 'teams integration', 'jira integration', 'zapier', 'hubspot', 'discord bot', 'shipping address', 'shipping cost', 'shipping rate', 'shipping method', 'cron', 'account deletion', 'web socket', 'web sockets', 'rss feed', 'hasura',
    'django', 'flask', 'fastapi', 'rails', 'ruby on rails', 'express', 'express.js', 'nestjs', 'spring boot', 'spring', 'laravel', 'symfony', 'asp.net', '.net',
    'node.js', 'nodejs', 'deno', 'bun', 'golang', 'go service', 'php', 'java', 'kotlin backend', 'elixir', 'phoenix', 'gin', 'fastify', 'koa', 'hapi',
    'elasticsearch', 'opensearch', 'meilisearch', 'algolia', 'solr', 'full text search', 'full-text search', 'search engine', 'search api',
    'segment event', 'analytics event', 'feature flag', 'audit log', 'audit trail', 'cli', 'command-line', 'command line', 'sdk', 'library',
    'server', ['service', 0.5], 'handler', 'middleware', 'serializer', 'validation', 'business rule', 'cron job', 'scheduler', 'worker',
    'gateway', 'api gateway', 'proxy', 'reminder', 'loyalty program', 'recommendation', 'import', 'export', 'report', 'llm', 'openai', 'chatbot',
    'memory leak', 'exception', 'stack trace', 'timeout', 'latency', 'response time', 'deadlock', 'race condition', 'concurrency', 'thread',
  ],
  frontend: [
    // Seventh-pass audit: UI widgets and states.
    'progress bar', 'progress indicator', 'empty state', 'pagination control', 'slider', 'file picker', 'hover state', 'focus ring', 'focus state', 'hero section', 'bottom sheet', 'typography', 'popover', 'lightbox', 'markdown preview', 'rich text editor', 'wysiwyg', 'wysiwyg editor', 'kanban board', 'drag handle', 'keyboard navigable', 'keyboard accessible', 'keyboard accessibility', 'bundle size', 'code splitting', 'code-splitting', 'tree shaking', 'tree-shaking', 'google play', 'web dashboard', 'signup flow', 'sign-up flow', 'sign up flow', 'onboarding flow',
    'full-stack', 'full stack', 'fullstack', 'login page', 'login screen', 'login form', 'login button', 'signup page', 'sign-up page', 'sign up page', 'signup form', 'sign-in page',
    'register page', 'registration form', 'checkout page', 'payment form', 'pricing page', 'error page', '404 page',
    'i18n infrastructure', 'localization infrastructure', 'admin panel', 'admin ui', 'settings page', 'onboarding flow', 'wizard', 'navigation', 'breadcrumb', 'search bar', 'date picker', 'toast',
    'snackbar', 'skeleton', 'spinner', 'placeholder', 'thumbnail', 'video player', 'map view', 'leaflet', 'openstreetmap', 'map tiles', 'tile provider', 'mockup', 'mockups', 'mock-up', 'wireframe', 'wireframes', 'mapbox', 'd3', 'chart.js', 'recharts',
    'highcharts', 'material ui', 'mui', 'chakra', 'ant design', 'shadcn', 'radix', 'canvas', 'svg', 'css grid', 'flexbox', 'media query',
    'keyboard shortcut', 'hotkey', 'copy button', 'link preview', 'autocomplete', 'typeahead', 'drawer', 'accordion', 'stepper', 'tooltip',
    'front page', 'home page', 'homepage', 'dashboard page', 'user dashboard', 'admin dashboard', 'creator dashboard', 'customer dashboard', 'seller dashboard', 'merchant dashboard', 'vendor dashboard', 'partner dashboard', 'member dashboard', 'student dashboard', 'teacher dashboard', 'account dashboard', 'personal dashboard', 'client', 'app screen', 'splash screen',
    'push notification permission', 'app crash', 'app crashes', 'app crashing', 'app crashed', 'app force close', 'app force closes', 'app freezes', 'app freeze', 'deep link', 'deeplink', 'offline mode', 'service worker', 'local storage', 'localstorage', 'cookie banner',
    'frontend', 'front-end', 'front end', 'front and backend', 'front and back end', 'front- and backend', 'admin interface', 'administrative interface', 'admin console', 'admin area', 'admin page', 'admin portal', 'ui', 'ux', 'user interface', 'gui', 'web ui', 'web-ui', 'page', 'web page', 'webpage', 'landing page', 'profile page',
    'button', 'viewer', 'modal', 'dialog', 'popup', 'pop-up', 'tooltip', 'dropdown', 'drop-down', 'menu', 'navbar', 'nav bar', 'sidebar', 'tab', 'toggle', 'checkbox', 'check box', 'filter box', 'search box', 'text box', 'textbox', 'input box', 'combo box', 'combobox', 'dialog box', 'message box',
    'form', 'input field', 'text field', 'widget', 'icon', 'font', 'color', 'colour', 'theme', 'themes', 'dark mode', 'light mode', 'light/dark mode', 'layout', 'responsive',
    'css', 'scss', 'sass', 'less css', 'tailwind', 'tailwindcss', 'bootstrap', 'styled-components', 'styling', 'style', 'stylesheet', 'animation', 'html',
    'react', 'reactjs', 'react.js', 'vue', 'vue.js', 'vuejs', 'nuxt', 'angular', 'angularjs', 'svelte', 'sveltekit', 'next.js', 'nextjs', 'remix', 'solidjs', 'ember',
    'jquery', 'redux', 'zustand', 'mobx', 'vite', 'esbuild', 'profile picture', 'profile photo', 'camera permission', 'location permission', 'microphone permission', 'notification permission', 'dashboard ui', 'embedded dashboard', 'admin dashboard', 'merchant dashboard', 'customer dashboard', 'user dashboard', 'seller dashboard', 'partner dashboard', 'dashboard page', 'jetpack compose', 'sitemap', 'cookie consent', 'cookie banner', 'offline mode', 'offline support', 'offline sync', 'webpack', 'storybook', 'usestate', 'useeffect', 'react hook', 'jsx', 'tsx', 'dom', 'client-side', 'client side',
    'spa', 'single page app', 'single-page app', 'single page application', 'single-page application', 'iframe', 'web component', 'ui component',
    'native app', 'native component', 'web client', 'mobile client', 'pwa', 'browser', 'webview', 'web app', 'webapp', 'website', 'web site', 'site', 'screen', 'view', 'component', 'design system', 'figma',
    'accessibility', 'a11y', 'wcag', 'aria', 'screen reader', 'keyboard navigation', 'section 508', 'i18n', 'l10n', 'internationalization',
    'internationalisation', 'localization', 'localisation', 'localize', 'localise', 'translate the app', 'translate the ui', 'language switcher', 'translation', 'rtl', 'right-to-left',
    'mobile', 'mobile app', 'ios', 'iphone', 'ipad', 'android', 'flutter', 'react native', 'react-native', 'swiftui', 'swift', 'uikit', 'jetpack compose',
    // Android build settings of the app.
    'targetsdk', 'minsdk', 'compilesdk', 'targetsdkversion', 'minsdkversion',
    'xamarin', 'ionic', 'cordova', 'capacitor', 'expo', 'kotlin multiplatform', 'app store', 'play store', 'google store', 'camera', 'electron', 'tauri', 'desktop app',
    'safari', 'firefox', 'chrome', 'chromium', 'edge browser', 'ie11', 'internet explorer', 'mobile safari', 'scroll', 'infinite scroll', 'infinite-scroll', 'click', 'clicking', 'tap', 'display', 'render', 'rendering', 'avatar', 'header', 'footer', 'banner',
    'chart', 'table view', 'carousel', 'image gallery', 'drag and drop', 'google analytics', 'ga4', 'universal analytics', 'seo', 'favicon', 'emoji picker',
    'mainactivity', 'activity', 'fragment', 'viewcontroller', 'dark theme', 'overlap', 'overflow', 'ux/ui', 'ui/ux',
  ],
  database: [
    // Eighth-pass audit: storage-engine terms.
    'hypertable', 'continuous aggregate', 'materialised view', 'write-ahead log', 'tablespace', 'row level security', 'row-level security', 'rls', 'rls policy', 'rls policies', 'row level security policy', 'row level security policies', 'row-level security policy', 'row-level security policies',
    // Seventh-pass audit: schema, locking and loading terms.
    'unique constraint', 'database deadlock', 'seed script', 'connection string', 'row lock', 'row locking', 'optimistic locking', 'pessimistic locking', 'eager loading', 'many-to-many', 'one-to-many', 'bulk insert', 'full-text search index', 'time-series database', 'time series database', 'tsdb', 'er diagram', 'entity relationship diagram', 'connection pooler', 'pooler',
    'sequential scan', 'seq scan', 'table scan', 'full table scan', 'index scan', 'composite index', 'pinecone', 'vector database', 'vector db', 'vector store', 'data storage', 'secure data storage', 'seed data', ['backfill', 0.5], 'status column', 'new column', 'database column', 'sql query', 'entity', 'erd', 'upsert', 'soft delete', 'cascade delete', 'collation', 'enum column', 'json column', 'pg_dump',
    'mysqldump', 'dump', 'archiving', 'deduplicate', 'dedup', 'data retention job', 'db index', 'composite index', 'unique index', 'query plan',
    'explain analyze', 'slow log', 'cosmos db', 'cosmosdb', 'bigtable', 'spanner', 'memorystore', 'hbase', 'arangodb', 'surrealdb', 'edgedb',
    'database cluster', 'db cluster', 'failover replica', 'write-ahead log', 'wal', 'logical replication', 'row-level security',
    'database', 'db', 'rdbms', 'sql', 'nosql', 'postgres', 'postgresql', 'psql', 'postgis', 'mysql', 'mariadb', 'sqlite', 'mongo', 'mongodb', 'mongoose', 'dynamodb',
    'cassandra', 'scylladb', 'cockroachdb', 'oracle', 'oracle database', 'sql server', 'mssql', 'redis', 'valkey', 'couchdb', 'couchbase', 'neo4j', 'firestore',
    'rds', 'aurora', 'cloud sql', 'cloudsql', 'supabase', 'planetscale', 'vitess', 'timescaledb', 'influxdb', 'clickhouse', 'duckdb', 'tidb', 'yugabytedb', 'pgvector',
    'schema', 'table', 'column', 'index', 'indexes', 'indices', 'add index', 'add an index', 'create index', 'missing index', 'database index', 'composite index', 'query', 'queries', 'n+1', 'n+1 query', 'slow query', 'join', 'foreign key', 'primary key',
    'constraint', 'stored procedure', 'trigger', 'view materialized', 'materialized view', 'orm', 'sqlalchemy', 'alembic', 'prisma', 'typeorm', 'sequelize',
    'activerecord', 'active record', 'hibernate', 'knex', 'drizzle', 'flyway', 'liquibase', 'db migration', 'database migration', 'schema migration',
    'data model', 'data import', 'import data', 'import all data', 'data migration', 'replica', 'read replica', 'read-replica', 'replication', 'shard', 'sharding', 'partition', 'partitioning', 'backup', 'point-in-time',
    'point-in-time restore', 'pitr', 'vacuum', 'jsonb', 'tsvector', 'gin index', 'full-text index', 'connection pool', 'pgbouncer', 'transaction', 'record',
  ],
  'containers/kubernetes': [
    // Seventh-pass audit.
    'k3d', 'resource request', 'requests and limits', 'poddisruptionbudget', 'compose file',
    // Eighth-pass audit: an image being built, sized or published is a container image; a process run as (non-)root.
    'image size', 'smaller image', 'image build', 'build image', 'publish image', 'push image', 'prebuilt image',
    'pre-built image', 'pre-build image', 'image publication', 'image publishing', 'multistage build', 'multistage', 'non-root user', 'run as non-root', 'run as root', 'runs as root', 'running as root',
    // Monitoring deployed by a Kubernetes operator or chart is both (listed under observability too).
    'prometheus operator', 'kube-prometheus', 'kube-prometheus-stack',
    // Kubernetes add-ons: cert-manager issues certificates to cluster resources; Kyverno is an admission policy engine (listed under security too).
    'cert-manager', 'kyverno',
    'container registry', 'ghcr', 'docker hub', 'dockerhub', 'image registry', 'base image', 'distroless', 'alpine image', 'liveness probe',
    'readiness probe', 'probe', 'resource limit', 'taint', 'toleration', 'affinity', 'node selector', 'persistent volume', 'pvc', 'service account',
    'skaffold', 'argo rollouts', 'knative', 'cluster autoscaler', 'kube-proxy', 'coredns', 'etcd', 'kubeadm', 'microk8s', 'multi-cluster',
    'cluster api', 'kubernetes job', 'k8s job', 'init container', 'pod security', 'helmfile', 'oci image', 'container runtime', 'devcontainer',
    'buildpack', 'cloud native buildpack', 'dockerize', 'dockerise', 'dockerized', 'containerized', 'containerised', 'kubernetes', 'kube', 'k8s', 'k8', 'k3s', 'kubectl', 'helm', 'helm chart', 'chart', 'pod', 'deployment manifest', 'manifest', 'kustomize', 'container', 'containerize',
    'containerise', 'containerization', 'containerisation', 'dockerization', 'dockerisation', 'docker', 'dockerfile', 'docker compose', 'docker-compose', 'docker image', 'container image', ['image', 0.5], 'multi-stage build',
    'ingress', 'ingress controller', 'ingress-nginx', 'service mesh', 'istio', 'linkerd', 'envoy', 'operator', 'kubernetes operator', 'controller',
    'crd', 'custom resource', 'crash looping', 'crash loop', 'crashloopbackoff', 'cronjob', 'statefulset', 'daemonset', 'replicaset', 'hpa', 'horizontalpodautoscaler', 'horizontal pod autoscaler', 'horizontal pod autoscaling', 'pod autoscaling', 'vpa',
    'pod disruption budget', 'pdb', 'namespace', 'eks', 'gke', 'aks', 'openshift', 'minikube', 'kind cluster', 'kubelet', 'csi', 'csi driver', 'cni',
    'admission webhook', 'admission controller', 'podman', 'containerd', 'cri-o', ['cluster', 0.5], 'node pool', 'sidecar', 'nomad', 'ecs', 'fargate', 'task definition', 'control plane', 'data plane',
    'docker swarm', 'swarm', 'rancher', 'karpenter', 'keda', 'argo workflow', 'crossplane', 'kubeconfig', 'configmap', 'workload', 'scheduler cluster',
  ],
  observability: [
    // Seventh-pass audit: latency percentiles and a profiler.
    'prometheus operator', 'kube-prometheus', 'kube-prometheus-stack', 'alert endpoint', 'alert channel', 'p99 latency', 'p95 latency', 'p50 latency', 'pyroscope',
    // Eleventh pass: structured-logging libraries (log4j is left out: it is named mostly for its vulnerability).
    'zerolog', 'logrus', 'serilog', 'logback', 'slf4j', 'structlog', 'loguru', 'bunyan', 'pino logger', 'winston logger',
    'logging infrastructure', 'monitoring infrastructure', 'observability infrastructure', 'log level', 'logger', 'log message', 'debug log', 'otel collector', 'exporter', 'span', 'trace id', 'metrics endpoint', 'histogram', 'gauge',
    'grafana dashboard', 'alert rule', 'synthetic monitoring', 'uptime robot', 'uptimerobot', 'statuspage', 'blackbox exporter', 'node exporter',
    'rum', 'real user monitoring', 'crash reporting', 'crashlytics', 'bugsnag', 'rollbar', 'honeybadger', 'logrocket', 'victoriametrics',
    'thanos', 'tempo', 'mimir', 'signoz', 'uptime kuma', 'incident alert', 'error rate', 'latency metric', 'sre', 'observable',
    'observability', 'monitoring', 'monitor', 'metric', 'metrics', 'logging', 'log', 'structured log', 'tracing', 'trace', 'distributed tracing',
    'opentelemetry', 'otel', 'prometheus', 'grafana', 'datadog', 'new relic', 'newrelic', 'sentry', 'jaeger', 'zipkin', 'loki', 'elk', 'kibana', 'logstash',
    'fluentd', 'fluent bit', 'splunk', 'cloudwatch', 'stackdriver', 'honeycomb', 'dynatrace', 'alert', 'alerting', 'alertmanager', 'pagerduty', 'opsgenie',
    'dashboard', 'slo', 'sli', 'service level objective', 'service-level objective', 'service level indicator', 'service-level indicator', 'error budget', 'uptime', 'status page', 'apm', 'instrument', 'instrumentation', 'telemetry', 'nagios', 'icinga', 'zabbix',
    'error tracking', 'error aggregation', 'error tracker', 'error trackers', 'correlation id', 'request id', 'red method', 'golden signal', 'health check', 'healthcheck', 'heartbeat', 'profiling', 'statsd',
    'log retention', 'log group', 'dashboard panel', 'grafana panel', 'latency panel', 'panel', 'cpu profiling', 'memory profiling', 'continuous profiling', 'profiler', 'container logs', 'containers logs', 'pod logs', 'container log', 'pod log', 'analytics dashboard', 'usage dashboard', 'availability', 'mttr', 'on-call', 'on call', 'be notified', 'notify us',
  ],
  testing: [
    'test infrastructure', 'testing infrastructure', 'test data', 'spec', 'acceptance test', 'uat', 'manual testing', 'regression suite', 'golden test', 'benchmark test', 'add benchmark', 'benchmark suite', 'performance benchmark', 'microbenchmark', 'micro-benchmark', 'run benchmark', 'benchmark result', 'accessibility testing',
    'api testing', 'postman', 'newman', 'pact', 'wiremock', 'msw', 'nock', 'factory_bot', 'faker', 'hypothesis', 'fast-check', 'mutation testing',
    'stryker', 'codecov', 'coveralls', 'istanbul', 'nyc', 'lcov', 'detox', 'appium', 'espresso', 'xctest', 'maestro', 'browserstack', 'sauce labs',
    'testing library', 'react testing library', 'enzyme', 'test runner', 'test flakiness', 'snapshot testing', 'snapshot tests', 'test environment', 'qa environment',
    'test', 'testing', 'tests', 'assert', 'assertion', 'assertions', 'unit test', 'integration test', 'e2e', 'e2e test', 'end-to-end test', 'end to end test', 'end-to-end testing', 'end to end testing', 'smoke test',
    'load test', 'load testing', 'stress test', 'performance test', 'regression test', 'visual regression', 'snapshot test', 'contract test',
    'test suite', 'test case', 'test coverage', 'coverage', 'code coverage', 'qa', 'quality assurance', 'tdd', 'bdd', 'test framework', 'test harness',
    'playwright', 'cypress', 'selenium', 'puppeteer', 'jest', 'mocha', 'vitest', 'pytest', 'unittest', 'junit', 'testng', 'rspec', 'minitest', 'phpunit',
    'jasmine', 'karma', 'k6', 'locust', 'jmeter', 'gatling', 'artillery', 'testcontainers', 'mock', 'mocking', 'fixture', 'flaky test', 'flaky',
    'test automation', 'testability', 'storybook test', 'cucumber', 'robot framework', 'fuzz test', 'property-based test', 'chaos engineering',
  ],
  'CI/CD': [
    // A workflow that tests, scans, lints, builds or deploys is a CI workflow (eighth pass).
    'test workflow', 'testing workflow', 'scan workflow', 'scanning workflow', 'baseline workflow', 'security workflow', 'lint workflow', 'build workflow', 'deploy workflow', 'deployment workflow', 'publish workflow',
    'ci infrastructure', 'build infrastructure', 'github workflow', 'ci job', 'ci build', 'build job', 'npm publish', 'pypi release', 'docker build', 'build cache', 'deploy preview', 'preview environment',
    'environment promotion', 'branch protection', 'merge queue', 'mergify', 'renovate', 'dependabot', 'dependency updates', 'husky', 'lefthook', 'bazel', 'nx', 'turborepo',
    'release workflow', 'release tag', 'semantic versioning', 'package release', 'build system', 'build script', 'deploy script',
    'deploy key', 'deployment automation', 'production deployment', 'prod deployment', 'staging deployment', 'multi-region deployment', 'regional deployment', 'continuous deploy', 'release train', 'release branch', 'hotfix release', 'ci config', 'ci workflow',
    'github actions workflow', 'gitlab pipeline', 'azure pipeline', 'cloudbuild', 'harness', 'octopus deploy', 'capistrano', 'kamal', 'dokku',
    'ci', 'cd', 'ci/cd', 'cicd', 'ci pipeline', 'cd pipeline', 'build pipeline', 'release pipeline', 'deploy pipeline', 'deployment pipeline',
    ['pipeline', 0.5], 'continuous integration', 'continuous delivery', 'continuous deployment', 'github action', 'github actions', 'gitlab ci', 'gitlab-ci',
    'jenkins', 'jenkinsfile', 'circleci', 'drone ci', 'travisci', 'travis', 'travis ci', 'azure devops', 'azure pipelines', 'buildkite', 'teamcity', 'drone ci', 'tekton', 'bamboo',
    'argo cd', 'argocd', 'flux', 'fluxcd', 'gitops', 'spinnaker', 'jenkins x', 'concourse', 'woodpecker', 'semantic-release', 'goreleaser',
    'release automation', 'release process', 'deployment process', 'deploy process', 'deployment script', 'deployment workflow', 'deploy workflow', 'deployment step', 'deploy step', 'deployment phase', 'deploy phase', 'deployment stage', 'deploy stage', 'release', 'deploy', 'deployment', 'redeploy', 'blue/green', 'blue-green', 'blue green', 'canary', 'canary release',
    'rollback', 'roll back', 'rollout', 'artifact', 'publish', 'publishing', 'build', 'nightly build', 'runner', 'self-hosted runner', 'workflow file',
    'pre-commit', 'merge to main', 'pull request check', 'pr check', 'pr gate', 'merge gate', 'quality gate', 'release gate', 'ci check', 'build step', 'build log', 'build logs', 'ci log', 'ci logs', 'workflow log', 'job log', 'build cache', 'ci cache', 'cache between runs', 'dependency cache', 'build matrix', 'preview deployment', 'auto deploy', 'autodeploy',
    'test pipeline', 'daily test run', 'cdk pipeline', 'prow', 'presubmit', 'presubmits', 'postsubmit', 'postsubmits', 'cloud deployment', 'ship', 'shipping', 'deploys', 'cd tool', 'codepipeline', 'codebuild', 'cloud build', 'bitbucket pipelines',
  ],
  'infrastructure/cloud': [
    // Seventh-pass audit: VPNs and host configuration.
    'wireguard', 'tailscale', 'openvpn', 'nixos', 'govcloud', 'gov cloud', 'salt master', 'salt minion', 'salt minions', 'dns01', 'dns-01', 'dns01 challenge', 'dns-01 challenge',
    // A deployment to the cloud is built (CI/CD, listed there too) on cloud resources.
    'cloud deployment',
    // Hosts and their resources named without a cloud brand.
    'vps', 'virtual private server', 'droplet', 'dedicated server', 'bare metal', 'bare-metal', 'vsphere', 'libvirt', 'azure app service',
    'object storage', 'disk space', 'disk size', 'swap space', 'swap file', 'aws bill', 'azure bill', 'gcp bill', 'cloud bill', 'cloud spend', 'aws cost', 'azure cost', 'gcp cost', 'dyno',
    'iam role', 'iam policy', 'cloud storage', 'gcs', 'azure blob', 'eventbridge', 'step functions', 'cloud scheduler', 'vpc peering', 'private link',
    'privatelink', 'transit gateway', 'direct connect', 'nat', 'ipv6', 'ip address', 'static ip', 'elastic ip', 'reverse proxy', 'traefik', 'caddy',
    'web server', 'ansible playbook', 'playbook', 'ami', 'golden image', 'autoscaling', 'auto-scaling', 'scaling policy', 'billing alarm', 'finops',
    'resource tag', 'openstack', 'vmware', 'proxmox', 'hyper-v', 'kvm', 'systemd', 'linux server', 'windows server', 'subdomain', 'dnssec',
    // Mail authentication is published as DNS records (and is security too).
    'spf', 'dkim', 'dmarc',
    'edge function', 'cloudflare workers', 'r2', 'cloud resources', 'cloud infrastructure', 'compute engine', 'gce', 'azure vm', 'azure app service',
    'azure functions', 'cloud functions', 'hosted zone', 'ssl', 'https', 'tls termination', 'ingress ip',
    'aws resource', 'gcp resource', 'azure resource', 'aws infrastructure', 'cloud account', 'aws organization',
    'railway', 'render', 'vultr', 'scaleway', 'oracle cloud', 'ibm cloud', 'alibaba cloud', 'cloud foundry', 'paas', 'iaas', 'crossplane provider',
    'infrastructure', 'infra', 'iac', 'infrastructure as code', 'infrastructure-as-code', 'cloud', 'aws', 'amazon web services', 'gcp', 'google cloud',
    'azure', 'cloudflare', 'digitalocean', 'digital ocean', 'linode', 'hetzner', 'ovh', 'heroku', 'fly.io', 'fly', 'render.com', 'vercel', 'netlify',
    'staging server', 'production server', 'prod server', 'test server', 'demo server', 'ec2', 's3', 'vpc', 'vpc endpoint', 'privatelink', 'subnet', 'eks', 'gke', 'aks', 'ecs', 'fargate', 'eks cluster', 'gke cluster', 'aks cluster', 'iam', 'lambda', 'aws lambda', 'cloud function', 'cloud run', 'app engine', 'elastic beanstalk', 'lightsail',
    'terraform', 'terraform plan', 'terraform apply', 'tf state', 'tfstate', 'tf module', 'tf plan', 'tf file', 'tf code', 'terraform state', 'remote state', 'remote backend', 's3 backend', 'gcs backend', 'state backend', 'terraform backend', 'opentofu', 'pulumi', 'cloudformation', 'cdk', 'aws cdk', 'bicep', 'arm template', 'ansible', 'chef', 'puppet', 'saltstack', 'packer',
    'vagrant', 'network', 'networking', 'dns', 'dns record', 'domain', 'name server', 'nameserver', 'cdn', 'cloudfront', 'fastly', 'akamai', 'load balancer', 'load balanced', 'load-balanced', 'loadbalanced', 'latency routing', 'latency-based routing', 'weighted routing', 'geolocation routing', 'geoproximity routing', 'failover routing', 'load balancing', 'cdn cache', 'aws bill', 'cloud bill', 'cloud spend', 'aws spend', 'infrastructure cost', 'hosting cost',
    'alb', 'elb', 'nlb', 'lb', 'dr', 'route 53', 'route53', 'godaddy', 'ssl certificate', 'tls certificate', 'certificate', 'letsencrypt', "let's encrypt", 'certbot',
    'vm', 'virtual machine', 'bare metal', 'bastion', 'bastion host', 'environment', 'staging', 'staging environment', 'preview environment', 'ephemeral environment', 'temporary environment', 'review environment', 'review app', 'production environment', 'prod environment',
    'landing zone', 'control tower', 'multi-account', 'aws account', 'organization unit', 'region', 'availability zone', 'multi-region', 'multi region',
    'multi-cloud', 'multi cloud', 'disaster recovery', 'dr site', 'vpn', 'peering', 'nat gateway', 'firewall rule', 'security group', 'autoscaling group',
    'auto scaling group', 'spot instance', 'instance', 'server', 'hosting', 'self-hosted', 'self hosted', 'on-prem', 'on-premise', 'on-premises', 'data center',
    'datacenter', 'development environment', 'dev environment', 'remote development', 'codespaces', 'gitpod', 'edge node', 'connectivity', 'centos', 'ubuntu', 'debian', 'rhel', 'operating system', 'os upgrade', 'storage', 'bucket', 'blob storage', 'efs', 'ebs', 'nfs',
    'cost', 'cloud cost', 'reserved instance', 'ssh', 'nginx config', 'haproxy', 'tile server', 'mail server', 'smtp relay', 'ses', 'sns', 'elasticache',
    'cloud platform', 'terraform module', 'module', 'provision', 'provisioning', 'capacity', 'geo-distribute', 'edge', 'p2p',
  ],
  security: [
    'vulnerable', 'security advisory', 'ghsa', 'npm audit', 'pip-audit', 'cargo audit', 'bundler-audit', 'dependency check', 'secret leak', 'leaked',
    'hardcoded secret', 'hardcoded credential', 'rotate key', 'brute force', 'clickjacking', 'x-frame-options', 'samesite', 'secure cookie',
    'cipher', 'certificate pinning', 'seccomp', 'apparmor', 'selinux', 'rootless', 'non-root', 'zero trust', 'spiffe', 'signing', 'signed commit',
    'gpg', 'provenance', 'attestation', 'iast', 'bug bounty', 'security review', 'vulnerability disclosure', 'security.txt', 'bot protection',
    'mfa', 'multi-factor', 'privilege escalation', 'rce', 'ssrf', 'path traversal', 'open redirect', 'sanitize input', 'input sanitization',
    'security', 'secure', 'vulnerability', 'vulnerabilities', 'cve', 'scanner', 'scan', 'scanning', 'sast', 'dast', 'owasp', 'owasp zap', 'zap',
    'database password', 'db password', 'database credential', 'db credential', 'snyk', 'trivy', 'tfsec', 'grype', 'semgrep', 'codeql', 'sonarqube', 'sonarcloud', 'sonar cloud', 'bandit', 'gitleaks', 'trufflehog', 'dependabot alert', 'dependabot security', 'dependency scanning',
    'secret scanning', 'secret', 'secrets', 'secret management', 'vault', 'hashicorp vault', 'kms', 'secrets manager', 'key rotation', 'credential',
    'credentials', 'access key', 'sbom', 'bill of materials', 'software bill of materials', 'image signing', 'signed image', 'signed images', 'signed artifact', 'signed artifacts', 'artifact signing', 'signed release', 'signed releases', 'release signing', 'signed commit', 'signed commits', 'commit signing', 'code signing', 'signed package', 'signed packages', 'package signing', 'cosign', 'sigstore', 'notary', 'slsa', 'supply chain', 'security header', 'http header security',
    'csp', 'content security policy', 'hsts', 'hardening', 'harden', 'waf', 'web application firewall', 'ddos', 'mfa', 'multi-factor',
    'penetration test', 'pentest', 'pen test', 'firewall', 'encryption', 'encrypt', 'encryption at rest', 'tls', 'mtls', 'spf', 'dkim', 'dmarc',
    'license scanner', 'license scan', 'least privilege', 'network policy', 'networkpolicy', 'networkpolicies', 'deny by default', 'xss', 'csrf', 'sql injection', 'injection',
    'security gate', 'security scanning', 'vulnerability scanning', 'container scanning', 'image scanning', 'scan-on-push', 'block public access',
    'public access', 'cis benchmark', 'falco', 'opa', 'open policy agent', 'kyverno', 'gatekeeper', 'security control', 'devsecops', 'malware', 'antivirus',
    'security patch', 'patch cve', 'exploit', 'intrusion detection', 'ids', 'siem', 'guardduty', 'guard duty', 'security hub', 'audit trail encryption', 'safeguard',
  ],
  'data pipelines': [
    'looker dashboard', 'tableau dashboard', 'metabase dashboard', 'superset dashboard', 'power bi dashboard', 'bi report',
    'etl job', 'batch processing', 'dimensional model', 'star schema', 'avro schema', 'protobuf schema', 'event schema', 'message schema', 'fact table', 'event tracking', 'tracking plan', 'product analytics',
    'posthog', 'mixpanel', 'amplitude', 'bi dashboard', 'reporting', 'kpi', 'metrics pipeline', 'embedding', 'embeddings', 'vector store',
    'rag pipeline', 'fine-tune', 'fine-tuning', 'inference pipeline', 'model serving', 'model registry', 'experiment tracking', 'wandb', 'jupyter',
    'notebook', 'pandas', 'polars', 'dask', 'ray', 'spark job', 'kafka connect', 'schema registry', 'avro', 'data catalog', 'lineage',
    'openlineage', 'datahub', 'amundsen', 'data contract', 'data validation', 'dbt model', 'snowpipe', 'reverse etl', 'census', 'hightouch',
    'data migration job', 'data load', 'data loader', 'scraper', 'crawler', 'web scraping', 'data collection', 'data processing job',
    'etl', 'elt', 'data pipeline', 'retraining pipeline', 'ml pipeline', 'vertex ai pipelines', 'kubeflow pipelines', 'sagemaker pipelines', 'elt pipeline', 'etl pipeline', 'ingestion pipeline', 'streaming pipeline', 'data pipelines', 'pipeline data', 'ingest', 'ingestion', 'data ingest', 'data ingestion', 'airflow', 'apache airflow',
    'dag', 'dbt', 'snakemake', 'nextflow', 'cromwell', 'incremental model', 'airbyte', 'fivetran', 'stitch', 'meltano', 'prefect', 'dagster', 'luigi', 'spark', 'pyspark', 'flink', 'apache beam', 'beam', 'kafka',
    'kinesis', 'confluent', 'confluent cloud', 'amazon msk', 'pub/sub', 'pubsub', 'event stream', 'streaming', 'real-time processing', 'event processing', 'data processing', 'stream processing', 'cdc', 'change data capture', 'debezium', 'data warehouse',
    'warehouse', 'bigquery', 'snowflake', 'redshift', 'databricks', 'data lake', 'datalake', 'lakehouse', 'delta lake', 'iceberg', 'hudi', 'parquet',
    'ml pipeline', 'machine learning pipeline', 'training pipeline', 'training script', 'model training', 'train model', 'feature store', 'mlflow',
    'kubeflow', 'sagemaker', 'vertex ai', 'ml platform', 'mlops', 'machine learning', 'ml model', 'recommendation model', 'model', 'training', 'dataset',
    'analytics pipeline', 'analytics', 'bi', 'business intelligence', 'tableau', 'looker', 'metabase', 'power bi', 'superset', 'redash', 'data quality',
    'data sync', 'data synchronization', 'data platform', 'data infrastructure', 'data engineering', 'batch job', 'data export', 'historical data',
    'data mart', 'dwh', 'ml', 'olap', 'great expectations', 'nifi', 'glue', 'aws glue', 'dataflow', 'dataproc', 'emr', 'hadoop', 'hive', 'presto', 'trino',
  ],
};
