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
  'notification', 'email', 'upload', 'tenant', 'llm', 'recommendation', 'middleware', 'memory leak', 'library',
  // data
  'model', 'training', 'dataset', 'warehouse', 'glue', 'beam', 'hive', 'bi', 'streaming', 'historical data', 'batch job', 'spark',
  // frontend
  'view', 'screen', 'display', 'render', 'rendering', 'site', 'header', 'footer', 'chart', 'activity', 'fragment', 'tab', 'style', 'form', 'component',
  'theme', 'click', 'clicking', 'tap', 'overlap', 'overflow', 'color', 'colour', 'font', 'menu', 'icon', 'browser', 'scroll', 'mobile', 'banner', 'toggle',
  'swift', 'electron', 'seo', 'vite', 'webpack', 'translation', 'animation', 'widget', 'page', 'layout',
  // infra
  'environment', 'instance', 'storage', 'module', 'cost', 'capacity', 'edge', 'p2p', 'region', 'domain', 'network', 'staging', 'fly', 'provision',
  'provisioning', 'cloud', 'hosting', 'infra', 'pagination', 'self-hosted', 'self hosted', 'bucket', 'vm', 'ssh', 'iam', 'lambda', 's3', 'networking', 'debian', 'ubuntu',
  // security
  'secure', 'encryption', 'encrypt', 'tls', 'injection', 'safeguard', 'credential', 'credentials', 'exploit', 'firewall', 'opa',
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
  'table', 'column', 'constraint', 'trigger', 'transaction', 'record', 'partition', 'partitioning', 'join', 'data model', 'oracle', 'index',
]);

export const AREA_VOCABULARY: Readonly<Record<AreaId, readonly (string | readonly [string, number])[]>> = {
  backend: [
    'backend', 'back-end', 'back end', 'server-side', 'server side', 'api', 'rest api', 'restful', 'graphql', 'grpc',
    'endpoint', 'route handler', 'microservice', 'web service', 'business logic', 'rpc', 'openapi', 'swagger',
    'auth', 'authentication', 'authorization', 'authorisation', 'login', 'log in', 'logout', 'sign-in', 'sign in', 'sign-up', 'sign up', 'signup',
    'oauth', 'oauth2', 'oidc', 'openid connect', 'saml', 'sso', 'single sign-on', 'jwt', 'rbac', 'abac', 'permission', 'access control',
    'role', 'api key', 'api token', 'webhook', 'webhook signature', 'totp', '2fa', 'two-factor', 'passkey', 'webauthn', 'password', 'session',
    'payment', 'stripe', 'paypal', 'braintree', 'adyen', 'billing', 'invoice', 'subscription', 'refund', 'checkout', 'tokenisation', 'tokenization',
    'cache', 'caching', 'memcached', 'queue', 'message queue', 'background job', 'job queue', 'celery', 'sidekiq', 'rabbitmq', 'sqs', 'bullmq', 'resque',
    'email', 'e-mail', 'smtp', 'sms', 'twilio', 'sendgrid', 'mailgun', 'notification', 'push notification', 'firebase cloud messaging', 'fcm', 'apns', 'whatsapp',
    'integration with', 'third-party', 'third party', '3rd-party', 'websocket', 'socket.io', 'server-sent events', 'rate limit', 'rate limiting', 'throttling',
    'pagination', 'paginate', 'cursor-based pagination', 'multi-tenancy', 'multi-tenant', 'tenant', 'upload', 'presigned url', 'file upload',
    'django', 'flask', 'fastapi', 'rails', 'ruby on rails', 'express', 'express.js', 'nestjs', 'spring boot', 'spring', 'laravel', 'symfony', 'asp.net', '.net',
    'node.js', 'nodejs', 'deno', 'bun', 'golang', 'go service', 'php', 'java', 'kotlin backend', 'elixir', 'phoenix', 'gin', 'fastify', 'koa', 'hapi',
    'elasticsearch', 'opensearch', 'meilisearch', 'algolia', 'solr', 'full text search', 'full-text search', 'search engine', 'search api',
    'segment event', 'analytics event', 'feature flag', 'audit log', 'audit trail', 'cli', 'command-line', 'command line', 'sdk', 'library',
    'server', ['service', 0.5], 'handler', 'middleware', 'serializer', 'validation', 'business rule', 'cron job', 'scheduler', 'worker',
    'gateway', 'api gateway', 'proxy', 'reminder', 'loyalty program', 'recommendation', 'import', 'export', 'report', 'llm', 'openai', 'chatbot',
    'memory leak', 'exception', 'stack trace', 'timeout', 'latency', 'response time', 'deadlock', 'race condition', 'concurrency', 'thread',
  ],
  frontend: [
    'frontend', 'front-end', 'front end', 'ui', 'ux', 'user interface', 'gui', 'web ui', 'web-ui', 'page', 'web page', 'webpage', 'landing page', 'profile page',
    'button', 'modal', 'dialog', 'popup', 'pop-up', 'tooltip', 'dropdown', 'drop-down', 'menu', 'navbar', 'nav bar', 'sidebar', 'tab', 'toggle', 'checkbox',
    'form', 'input field', 'text field', 'widget', 'icon', 'font', 'color', 'colour', 'theme', 'dark mode', 'light mode', 'light/dark mode', 'layout', 'responsive',
    'css', 'scss', 'sass', 'less css', 'tailwind', 'tailwindcss', 'bootstrap', 'styled-components', 'styling', 'style', 'stylesheet', 'animation', 'html',
    'react', 'reactjs', 'react.js', 'vue', 'vue.js', 'vuejs', 'nuxt', 'angular', 'angularjs', 'svelte', 'sveltekit', 'next.js', 'nextjs', 'remix', 'solidjs', 'ember',
    'jquery', 'redux', 'zustand', 'mobx', 'vite', 'webpack', 'storybook', 'usestate', 'useeffect', 'react hook', 'jsx', 'tsx', 'dom', 'client-side', 'client side',
    'spa', 'pwa', 'browser', 'webview', 'web app', 'webapp', 'website', 'web site', 'site', 'screen', 'view', 'component', 'design system', 'figma',
    'accessibility', 'a11y', 'wcag', 'aria', 'screen reader', 'keyboard navigation', 'section 508', 'i18n', 'l10n', 'internationalization',
    'internationalisation', 'localization', 'localisation', 'translation', 'rtl', 'right-to-left',
    'mobile', 'mobile app', 'ios', 'iphone', 'ipad', 'android', 'flutter', 'react native', 'react-native', 'swiftui', 'swift', 'uikit', 'jetpack compose',
    'xamarin', 'ionic', 'cordova', 'capacitor', 'expo', 'kotlin multiplatform', 'app store', 'play store', 'electron', 'tauri', 'desktop app',
    'scroll', 'infinite scroll', 'infinite-scroll', 'click', 'clicking', 'tap', 'display', 'render', 'rendering', 'avatar', 'header', 'footer', 'banner',
    'chart', 'table view', 'carousel', 'image gallery', 'drag and drop', 'google analytics', 'ga4', 'universal analytics', 'seo', 'favicon', 'emoji picker',
    'mainactivity', 'activity', 'fragment', 'viewcontroller', 'dark theme', 'overlap', 'overflow', 'ux/ui', 'ui/ux',
  ],
  database: [
    'database', 'db', 'rdbms', 'sql', 'nosql', 'postgres', 'postgresql', 'psql', 'mysql', 'mariadb', 'sqlite', 'mongo', 'mongodb', 'mongoose', 'dynamodb',
    'cassandra', 'scylladb', 'cockroachdb', 'oracle', 'oracle database', 'sql server', 'mssql', 'redis', 'valkey', 'couchdb', 'couchbase', 'neo4j', 'firestore',
    'rds', 'aurora', 'cloud sql', 'supabase', 'planetscale', 'vitess', 'timescaledb', 'influxdb', 'clickhouse', 'duckdb', 'tidb', 'yugabytedb', 'pgvector',
    'schema', 'table', 'column', 'index', 'indexes', 'indices', 'query', 'queries', 'n+1', 'n+1 query', 'slow query', 'join', 'foreign key', 'primary key',
    'constraint', 'stored procedure', 'trigger', 'view materialized', 'materialized view', 'orm', 'sqlalchemy', 'alembic', 'prisma', 'typeorm', 'sequelize',
    'activerecord', 'active record', 'hibernate', 'knex', 'drizzle', 'flyway', 'liquibase', 'db migration', 'database migration', 'schema migration',
    'data model', 'replica', 'read replica', 'read-replica', 'replication', 'shard', 'sharding', 'partition', 'partitioning', 'backup', 'point-in-time',
    'point-in-time restore', 'pitr', 'vacuum', 'jsonb', 'tsvector', 'gin index', 'full-text index', 'connection pool', 'pgbouncer', 'transaction', 'record',
  ],
  'containers/kubernetes': [
    'kubernetes', 'k8s', 'k3s', 'kubectl', 'helm', 'helm chart', 'chart', 'pod', 'deployment manifest', 'manifest', 'kustomize', 'container', 'containerize',
    'containerise', 'docker', 'dockerfile', 'docker compose', 'docker-compose', 'docker image', 'container image', ['image', 0.5], 'multi-stage build',
    'ingress', 'ingress controller', 'ingress-nginx', 'service mesh', 'istio', 'linkerd', 'envoy', 'operator', 'kubernetes operator', 'controller',
    'crd', 'custom resource', 'cronjob', 'statefulset', 'daemonset', 'replicaset', 'hpa', 'horizontalpodautoscaler', 'horizontal pod autoscaler', 'vpa',
    'pod disruption budget', 'pdb', 'namespace', 'eks', 'gke', 'aks', 'openshift', 'minikube', 'kind cluster', 'kubelet', 'csi', 'csi driver', 'cni',
    'admission webhook', 'admission controller', 'podman', 'containerd', 'cri-o', ['cluster', 0.5], 'node pool', 'sidecar', 'nomad', 'ecs', 'fargate',
    'docker swarm', 'swarm', 'rancher', 'karpenter', 'keda', 'argo workflow', 'crossplane', 'kubeconfig', 'configmap', 'workload', 'scheduler cluster',
  ],
  observability: [
    'observability', 'monitoring', 'monitor', 'metric', 'metrics', 'logging', 'log', 'structured log', 'tracing', 'trace', 'distributed tracing',
    'opentelemetry', 'otel', 'prometheus', 'grafana', 'datadog', 'new relic', 'newrelic', 'sentry', 'jaeger', 'zipkin', 'loki', 'elk', 'kibana', 'logstash',
    'fluentd', 'fluent bit', 'splunk', 'cloudwatch', 'stackdriver', 'honeycomb', 'dynatrace', 'alert', 'alerting', 'alertmanager', 'pagerduty', 'opsgenie',
    'dashboard', 'slo', 'sli', 'error budget', 'uptime', 'status page', 'apm', 'instrument', 'instrumentation', 'telemetry', 'nagios', 'icinga', 'zabbix',
    'error tracking', 'correlation id', 'request id', 'red method', 'golden signal', 'health check', 'healthcheck', 'heartbeat', 'profiling', 'statsd',
    'log retention', 'log group', 'analytics dashboard', 'usage dashboard', 'audit logging', 'availability', 'mttr', 'on-call', 'on call', 'be notified', 'notify us',
  ],
  testing: [
    'test', 'testing', 'tests', 'unit test', 'integration test', 'e2e', 'e2e test', 'end-to-end', 'end to end', 'end-to-end test', 'smoke test',
    'load test', 'load testing', 'stress test', 'performance test', 'regression test', 'visual regression', 'snapshot test', 'contract test',
    'test suite', 'test case', 'test coverage', 'coverage', 'code coverage', 'qa', 'quality assurance', 'tdd', 'bdd', 'test framework', 'test harness',
    'playwright', 'cypress', 'selenium', 'puppeteer', 'jest', 'mocha', 'vitest', 'pytest', 'unittest', 'junit', 'testng', 'rspec', 'minitest', 'phpunit',
    'jasmine', 'karma', 'k6', 'locust', 'jmeter', 'gatling', 'artillery', 'testcontainers', 'mock', 'mocking', 'fixture', 'flaky test', 'flaky',
    'test automation', 'testability', 'storybook test', 'cucumber', 'robot framework', 'fuzz test', 'property-based test', 'chaos engineering',
  ],
  'CI/CD': [
    'ci', 'cd', 'ci/cd', 'cicd', 'ci pipeline', 'cd pipeline', 'build pipeline', 'release pipeline', 'deploy pipeline', 'deployment pipeline',
    ['pipeline', 0.5], 'continuous integration', 'continuous delivery', 'continuous deployment', 'github action', 'github actions', 'gitlab ci', 'gitlab-ci',
    'jenkins', 'jenkinsfile', 'circleci', 'travis', 'travis ci', 'azure devops', 'azure pipelines', 'buildkite', 'teamcity', 'drone ci', 'tekton', 'bamboo',
    'argo cd', 'argocd', 'flux', 'fluxcd', 'gitops', 'spinnaker', 'jenkins x', 'concourse', 'woodpecker', 'semantic-release', 'goreleaser',
    'release automation', 'release process', 'release', 'deploy', 'deployment', 'redeploy', 'blue/green', 'blue-green', 'blue green', 'canary', 'canary release',
    'rollback', 'roll back', 'rollout', 'artifact', 'publish', 'publishing', 'build', 'nightly build', 'runner', 'self-hosted runner', 'workflow file',
    'pre-commit', 'merge to main', 'pull request check', 'pr check', 'ci check', 'build step', 'build matrix', 'preview deployment', 'auto deploy', 'autodeploy',
    'test pipeline', 'daily test run', 'cdk pipeline', 'ship', 'shipping', 'deploys', 'cd tool', 'codepipeline', 'codebuild', 'cloud build', 'bitbucket pipelines',
  ],
  'infrastructure/cloud': [
    'infrastructure', 'infra', 'iac', 'infrastructure as code', 'infrastructure-as-code', 'cloud', 'aws', 'amazon web services', 'gcp', 'google cloud',
    'azure', 'cloudflare', 'digitalocean', 'digital ocean', 'linode', 'hetzner', 'ovh', 'heroku', 'fly.io', 'fly', 'render.com', 'vercel', 'netlify',
    'ec2', 's3', 'vpc', 'subnet', 'iam', 'lambda', 'aws lambda', 'cloud function', 'cloud run', 'app engine', 'elastic beanstalk', 'lightsail',
    'terraform', 'opentofu', 'pulumi', 'cloudformation', 'cdk', 'aws cdk', 'bicep', 'arm template', 'ansible', 'chef', 'puppet', 'saltstack', 'packer',
    'vagrant', 'network', 'networking', 'dns', 'dns record', 'domain', 'name server', 'nameserver', 'cdn', 'cloudfront', 'fastly', 'akamai', 'load balancer',
    'alb', 'elb', 'nlb', 'route 53', 'route53', 'godaddy', 'ssl certificate', 'tls certificate', 'certificate', 'letsencrypt', "let's encrypt", 'certbot',
    'vm', 'virtual machine', 'bare metal', 'bastion', 'bastion host', 'environment', 'staging', 'staging environment', 'production environment', 'prod environment',
    'landing zone', 'control tower', 'multi-account', 'aws account', 'organization unit', 'region', 'availability zone', 'multi-region', 'multi region',
    'multi-cloud', 'multi cloud', 'disaster recovery', 'dr site', 'vpn', 'peering', 'nat gateway', 'firewall rule', 'security group', 'autoscaling group',
    'auto scaling group', 'spot instance', 'instance', 'server', 'hosting', 'self-hosted', 'self hosted', 'on-prem', 'on-premise', 'on-premises', 'data center',
    'datacenter', 'centos', 'ubuntu', 'debian', 'rhel', 'operating system', 'os upgrade', 'storage', 'bucket', 'blob storage', 'efs', 'ebs', 'nfs',
    'cost', 'cloud cost', 'reserved instance', 'ssh', 'nginx config', 'haproxy', 'tile server', 'mail server', 'smtp relay', 'ses', 'sns', 'elasticache',
    'cloud platform', 'terraform module', 'module', 'provision', 'provisioning', 'capacity', 'geo-distribute', 'edge', 'p2p',
  ],
  security: [
    'security', 'secure', 'vulnerability', 'vulnerabilities', 'cve', 'scanner', 'scan', 'scanning', 'sast', 'dast', 'owasp', 'owasp zap', 'zap',
    'snyk', 'trivy', 'grype', 'semgrep', 'codeql', 'sonarqube', 'bandit', 'gitleaks', 'trufflehog', 'dependabot', 'dependency scanning',
    'secret scanning', 'secret', 'secrets', 'secret management', 'vault', 'hashicorp vault', 'kms', 'secrets manager', 'key rotation', 'credential',
    'credentials', 'access key', 'sbom', 'image signing', 'cosign', 'sigstore', 'notary', 'slsa', 'supply chain', 'security header', 'http header security',
    'csp', 'content security policy', 'hsts', 'hardening', 'harden', 'waf', 'web application firewall', 'ddos', 'mfa', 'multi-factor',
    'penetration test', 'pentest', 'pen test', 'firewall', 'encryption', 'encrypt', 'encryption at rest', 'tls', 'mtls', 'spf', 'dkim', 'dmarc',
    'license scanner', 'license scan', 'least privilege', 'network policy', 'deny by default', 'xss', 'csrf', 'sql injection', 'injection',
    'security gate', 'security scanning', 'vulnerability scanning', 'container scanning', 'image scanning', 'scan-on-push', 'block public access',
    'public access', 'cis benchmark', 'falco', 'opa', 'open policy agent', 'kyverno', 'gatekeeper', 'security control', 'devsecops', 'malware', 'antivirus',
    'security patch', 'patch cve', 'exploit', 'intrusion detection', 'ids', 'siem', 'guardduty', 'security hub', 'audit trail encryption', 'safeguard',
  ],
  'data pipelines': [
    'etl', 'elt', 'data pipeline', 'data pipelines', 'pipeline data', 'ingest', 'ingestion', 'data ingest', 'data ingestion', 'airflow', 'apache airflow',
    'dag', 'dbt', 'airbyte', 'fivetran', 'stitch', 'meltano', 'prefect', 'dagster', 'luigi', 'spark', 'pyspark', 'flink', 'apache beam', 'beam', 'kafka',
    'kinesis', 'pub/sub', 'pubsub', 'event stream', 'streaming', 'real-time processing', 'event processing', 'data processing', 'stream processing', 'cdc', 'change data capture', 'debezium', 'data warehouse',
    'warehouse', 'bigquery', 'snowflake', 'redshift', 'databricks', 'data lake', 'datalake', 'lakehouse', 'delta lake', 'iceberg', 'hudi', 'parquet',
    'ml pipeline', 'machine learning pipeline', 'training pipeline', 'training script', 'model training', 'train model', 'feature store', 'mlflow',
    'kubeflow', 'sagemaker', 'vertex ai', 'ml platform', 'mlops', 'machine learning', 'ml model', 'recommendation model', 'model', 'training', 'dataset',
    'analytics pipeline', 'analytics', 'bi', 'business intelligence', 'tableau', 'looker', 'metabase', 'power bi', 'superset', 'redash', 'data quality',
    'data sync', 'data synchronization', 'data platform', 'data infrastructure', 'data engineering', 'batch job', 'data export', 'historical data',
    'data mart', 'olap', 'great expectations', 'nifi', 'glue', 'aws glue', 'dataflow', 'dataproc', 'emr', 'hadoop', 'hive', 'presto', 'trino',
  ],
};
