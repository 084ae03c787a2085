import { strict as assert } from 'node:assert';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import { classifyComplexity } from '../../../src/engine/routing/complexity';
import { routeAnalysis } from '../../../src/engine/routing/route';

const areas = (t: string): string[] => analyzeTask(t).areas.map((a) => a.area).sort();
/** The §4 rule's class, without the learned check (these tests pin the rules; test/unit/routing/complexityModel.test.ts tests the check). */
const complexity = (t: string): string => {
  const a = analyzeTask(t);
  return classifyComplexity(a, a.areas.map((x) => x.area), { model: null }).complexity;
};
const signal = (t: string, k: string): boolean => analyzeTask(t).signals.some((s) => s.kind === k);

describe('analyzer: rules beyond single words', () => {
  it('what a test, dashboard or chart covers is its subject, not an area (§3)', () => {
    assert.deepEqual(areas('Add unit tests for the payment API'), ['testing']);
    assert.deepEqual(areas('Create a Grafana dashboard for queue latency'), ['observability']);
    assert.deepEqual(areas('Write a Helm chart for the backend'), ['containers/kubernetes']);
    assert.ok(analyzeTask('Add unit tests for the payment API').ignored.some((e) => e.rule.startsWith('artifact-subject:')));
  });
  it('a word inside a host name is a site, not area work; dotted product names still match', () => {
    assert.ok(!areas('Migrate test.pypi.org to the new cluster').includes('testing'));
    assert.deepEqual(areas('Upgrade node.js to v20 in the API'), ['backend']);
  });
  it("the requester's role in a user story is not area work", () => {
    assert.ok(!areas('As a DevOps engineer I want to rotate the database credentials').includes('CI/CD'));
    assert.ok(!areas('As CMS Monitoring we need to move our cron jobs to Kubernetes CronJobs').includes('observability'));
    assert.ok(areas('As part of the upgrade, move the Postgres backups to the new bucket').includes('database'));
  });
  it('a hyphenated modifier is not work in its area', () => {
    assert.ok(!areas('Log every security-relevant action in the admin API').includes('security'));
    // ("VPN-first" puts the VPN first: the approach is the work; "dbt-specific alerting" alerts on dbt.)
    assert.deepEqual(areas('dbt-specific alerting that does not need the scheduler UI'), ['data pipelines', 'observability']);
    assert.deepEqual(areas('Add VPN-first remote admin (Tailscale/WireGuard).'), ['infrastructure/cloud']);
  });
  it('"test" used as a verb does not add the testing area', () => {
    assert.ok(!areas('Spike to test the upgrade of the Postgres cluster').includes('testing'));
  });
  it('weak words alone do not name an area beside a strong one; two separate weak words do', () => {
    assert.ok(!areas('Instrument the inventory service with OpenTelemetry').includes('backend'));
    assert.ok(areas('Run smoke tests in the deployment stages of the pipeline').includes('CI/CD'));
  });
  it('with no area named outright, the one area weak words point to is taken (not generalist)', () => {
    const a = analyzeTask('Automate shutting down non-production instances at night');
    assert.deepEqual(a.areas.map((x) => x.area), ['infrastructure/cloud']);
    assert.ok(a.areas[0]!.evidence.every((e) => e.rule.startsWith('weak-best:')));
    // A tie between weak readings stays generalist; "version" (a release) is not versioning work.
    assert.ok(analyzeTask('As a customer I want to know what changed in the new version').generalist);
  });
  it('a user-facing feature named only through backend work also gets its UI', () => {
    const a = analyzeTask('As a shopper, I want to pay with Apple Pay at checkout');
    assert.ok(a.areas.some((x) => x.area === 'frontend' && x.evidence.some((e) => e.rule.startsWith('inferred:user-facing-feature'))));
    // A technical role is not product framing.
    assert.ok(!analyzeTask('As a DevOps engineer I want to rotate the database credentials').concerns.some((c) => c.concern === 'product'));
  });
  it('"the ability to manage…", "able to book…" is a user-facing capability: UI beside the backend work', () => {
    assert.deepEqual(areas('Ability to manage teams of users and their roles through workspaces'), ['backend', 'frontend']);
    assert.deepEqual(areas('Patients will be able to see free slots and book an appointment'), ['backend', 'frontend']);
  });
  it('catalogue names are matched unstemmed ("core" is not "CORS")', () => {
    assert.ok(!areas('Refactor the core parser').includes('security'));
  });
});

describe('analyzer: scope signals (§4)', () => {
  it('building a new component is substantial scope → medium', () => {
    assert.equal(complexity('Build a notification service that sends email and SMS'), 'medium');
    assert.equal(complexity('Fix the notification email subject line'), 'low');
    // The built object is the head before a preposition or subordinate clause; a dashboard is a small feature.
    assert.equal(complexity('Create a latency dashboard for the checkout service'), 'low');
    assert.equal(complexity('Implement alerting to know when the pipelines may be down'), 'low');
    // Two-word build verbs count too ("set up", "stand up").
    assert.ok(analyzeTask('Set up Flutter i18n infrastructure for the driver app').signals.some((s) => s.evidence.some((e) => e.rule === 'substantial:new-component')));
  });
  it('a verbless title naming capabilities is a roadmap item (substantial); a verbless bug report is not', () => {
    const a = analyzeTask('Offline mode and sync for the Android app');
    assert.ok(a.signals.some((s) => s.kind === 'substantial' && s.evidence.some((e) => e.rule === 'substantial:capability-title')));
    assert.equal(complexity('Offline mode and sync for the Android app'), 'medium');
    // Bug reports are verbless too: a contained cue keeps them low.
    assert.equal(complexity('Crash on the Android settings screen after rotation'), 'low');
    // A title built on a verb is read by the usual scope rules.
    assert.ok(!analyzeTask('Turn on dark mode for the Android app').signals.some((s) => s.evidence.some((e) => e.rule === 'substantial:capability-title')));
  });
  it('an external identity, payment or messaging provider is an integration (substantial), not when only tested', () => {
    assert.equal(complexity('Send appointment reminders by SMS through Twilio'), 'medium');
    assert.ok(analyzeTask('Offer SAML sign-in for enterprise workspaces').signals.some((s) => s.evidence.some((e) => e.rule.startsWith('integration:external-provider'))));
    assert.ok(!analyzeTask('Add unit tests for the Stripe refund handler').signals.some((s) => s.evidence.some((e) => e.rule.startsWith('integration:external-provider'))));
  });
  it('multi-cloud support in a tool is not a hosting migration', () => {
    assert.ok(!signal('Add multi-cloud support to the cost report tool', 'migration'));
    assert.notEqual(complexity('Add multi-cloud support to the cost report tool'), 'extreme');
  });
  it('a standby site in another region is multi-region work', () => {
    assert.ok(signal('Set up a warm standby in a secondary region for the API', 'multi-region'));
  });
  it('replacing a production database engine is extreme', () => {
    assert.equal(complexity('Replace MySQL with PostgreSQL in production'), 'extreme');
  });
  it('a control mapping is strategy-only, not a certification programme', () => {
    const a = analyzeTask('Map our controls to ISO 27001 Annex A');
    assert.equal(a.strategy.kind, 'strategy-only');
    assert.ok(!a.signals.some((s) => s.kind === 'certification'));
  });
  it('a policy or standard that the work carries out is not the deliverable (§3)', () => {
    assert.equal(analyzeTask('Write a data retention policy').strategy.kind, 'strategy-only');
    assert.equal(analyzeTask('Develop an incident response plan').strategy.kind, 'strategy-only');
    const harden = analyzeTask('Harden the Kubernetes nodes to the CIS Benchmark');
    assert.equal(harden.strategy.kind, 'none');
    assert.deepEqual(areas('Harden the Kubernetes nodes to the CIS Benchmark'), ['containers/kubernetes', 'security']);
    assert.equal(analyzeTask('Enforce the password policy on sign-up').strategy.kind, 'none');
  });
  it('deploying a whole shop with two or more areas is high (§4, the product brief\'s own example)', () => {
    assert.equal(complexity('Deploy the shop with auth, payments and monitoring'), 'high');
    assert.equal(complexity('Fix the shop page header alignment'), 'low');
  });
  it('pursuing, earning or securing a certification is achieving it (§4 high)', () => {
    assert.equal(complexity('Pursue ISO 27001 certification'), 'high');
    assert.equal(complexity('Secure SOC 2 Type II certification for the platform'), 'high');
  });
  it('spelled-out SLOs are observability; "can plan" after a modal is a verb, not a plan deliverable', () => {
    assert.deepEqual(areas('Define our service level objectives'), ['observability']);
    assert.equal(analyzeTask('Email users at 90% of quota so they can plan an upgrade').strategy.kind, 'none');
    assert.notEqual(analyzeTask('Write a plan for the database upgrade').strategy.kind, 'none');
  });
  it('deploying tools to production is not rolling out a whole system', () => {
    assert.notEqual(complexity('Deploy Prometheus and Grafana to the production cluster'), 'high');
    assert.equal(complexity('Launch the new SaaS platform in production with SSO, billing and monitoring'), 'high');
  });
  it('sunsetting code is not a live operation; sunsetting a server is', () => {
    assert.equal(analyzeTask('Sunset the v1 REST API').liveOps.live, false);
    assert.equal(analyzeTask('Sunset the old bastion server').liveOps.live, true);
  });
  it('"Deploy X" opening the task is live even when X is automation; an automation trigger keeps it a build', () => {
    assert.equal(analyzeTask('Deploy the GitOps controller for our Terraform and Kubernetes resources').liveOps.live, true);
    assert.equal(analyzeTask('Deploy preview environments automatically per pull request').liveOps.live, false);
  });
  it('decommissioning a running component is live, and is not deploying a whole platform', () => {
    const a = analyzeTask('Sunset the legacy reporting service');
    assert.equal(a.liveOps.live, true);
    assert.equal(a.liveOps.evidence[0]!.rule, 'live:decommission');
    assert.equal(analyzeTask('Remove the unused helper functions from the reporting module').liveOps.live, false);
    assert.ok(!analyzeTask('Retire the old platform service and its Helm chart').signals.some((s) => s.kind === 'whole-system'));
  });
  it('an operation in a temporal clause is not the work; a user account is not a cloud account', () => {
    assert.equal(analyzeTask('Add a health check when deploying the site').liveOps.live, false);
    assert.equal(analyzeTask('Create a test that signs up and deletes user accounts').liveOps.live, false);
    assert.equal(analyzeTask('Delete the unused AWS account').liveOps.live, true);
  });
  it('negation ends where a new verb starts what is asked for', () => {
    assert.ok(analyzeTask('Instead of social logins please offer SAML for authentication').areas.some((a) => a.area === 'backend'));
    assert.ok(!analyzeTask('Speed up the report page without changing the database').areas.some((a) => a.area === 'database'));
  });
  it('a managed cluster is the Kubernetes target, not also a cloud target; another host still is', () => {
    assert.deepEqual(analyzeTask('Move the workloads from Docker Swarm to AWS EKS').liveOps.targets, ['kubernetes']);
    assert.deepEqual([...analyzeTask('Move the app from Heroku to EKS').liveOps.targets].sort(), ['cloud', 'kubernetes']);
  });
  it('strategy words inside a noun phrase, a participle or a product name are not a plan deliverable', () => {
    assert.equal(analyzeTask('We need a cohesive UI design for the dashboard pages').strategy.kind, 'none');
    assert.equal(analyzeTask('Search with typed keywords and selected filters').strategy.kind, 'none');
    assert.equal(analyzeTask('Add a terraform plan step before apply').strategy.kind, 'none');
    assert.equal(analyzeTask('Design the Postgres schema for tenants').strategy.kind, 'strategy');
    // "Investigate" like "consider": strategy only with an architectural object.
    assert.equal(analyzeTask('Investigate migration to Chargebee metered billing').strategy.kind, 'strategy');
    assert.equal(analyzeTask('Investigate slow responses of the search API').strategy.kind, 'none');
  });
  it('a document whose content is a plan (steps, risks, responsibilities, scope) is strategy; operational risk is not compliance', () => {
    const a = analyzeTask('Document the steps to be taken, risks and mitigations, and responsibilities for the move from GitLab to GitHub');
    assert.equal(a.strategy.kind, 'strategy');
    assert.ok(!a.concerns.some((c) => c.concern === 'compliance'));
    assert.ok(analyzeTask('Run a risk assessment of the vendor integrations').concerns.some((c) => c.concern === 'compliance'));
  });
  it('running or switching on security scanning is live; adding a scan step to CI is not', () => {
    assert.equal(analyzeTask('Enable security analysis tools on our repositories').liveOps.live, true);
    assert.equal(analyzeTask('Run a penetration test of the public API').liveOps.live, true);
    assert.equal(analyzeTask('Enable a Trivy scan step in the CI pipeline').liveOps.live, false);
  });
  it('a UI redesign is product work, not architecture (§6)', () => {
    const a = analyzeTask('Roll out the redesign of the settings page and its components');
    assert.ok(a.concerns.some((c) => c.concern === 'product'));
    assert.ok(!a.concerns.some((c) => c.concern === 'architecture'));
    assert.ok(analyzeTask('Redesign the billing service API for multi-tenancy').concerns.some((c) => c.concern === 'architecture'));
  });
  it('a docs verb coordinated with a work verb ("Document and validate X") is not a docs-only task', () => {
    assert.ok(!analyzeTask('Document and validate the Postgres failover').generalist);
    assert.ok(analyzeTask('Document the Postgres failover').generalist);
  });
  it('a plan is never live', () => {
    assert.equal(analyzeTask('Devise a cutover plan for the production database').liveOps.live, false);
  });
});

describe('analyzer: §4 "not extreme" list and certification', () => {
  it('migration scripts, tools and automation are not extreme; the cutover itself is', () => {
    assert.notEqual(complexity('Write a migration script from MySQL to PostgreSQL'), 'extreme');
    assert.notEqual(complexity('Automate the DB migration from MongoDB to Postgres'), 'extreme');
    assert.equal(complexity('Execute the production cutover from MySQL to PostgreSQL'), 'extreme');
  });
  it('a migration tool is not extreme but the move between engines is still an architecture concern', () => {
    const a = analyzeTask('Write a script that moves our data from MySQL to PostgreSQL');
    assert.ok(!a.signals.some((s) => s.kind === 'migration'));
    assert.ok(a.concerns.some((c) => c.concern === 'architecture'));
    const b = analyzeTask('Build a tool that moves tenants from the old cluster to the new cluster');
    assert.ok(b.concerns.some((c) => c.concern === 'architecture' && c.evidence.some((e) => e.rule.startsWith('concern:architecture:migration-tooling:'))));
  });
  it('moving from one named technology to another is a technology choice (architecture)', () => {
    assert.ok(analyzeTask('Upgrade Elasticsearch to OpenSearch 3.x').concerns.some((c) => c.concern === 'architecture' && c.evidence[0]!.rule === 'concern:architecture:technology-change'));
    assert.ok(!analyzeTask('Upgrade Elasticsearch to 8.12').concerns.some((c) => c.concern === 'architecture'));
  });
  it('a guide about a migration is a docs task, not extreme', () => {
    const a = analyzeTask('Write a guide on migrating the app to Kubernetes');
    assert.ok(!a.signals.some((s) => s.kind === 'migration'));
    assert.equal(a.generalist, true);
  });
  it('a migration tool counts only in the migration\'s own sentence', () => {
    assert.equal(complexity('Port from DigitalOcean to AWS EC2. Automate deployment using Terraform.'), 'extreme');
    assert.notEqual(complexity('Automate the move from DigitalOcean to AWS EC2 with a script'), 'extreme');
  });
  it('a docs verb used as a participle ("Documented migration") qualifies the work; it is not the deliverable', () => {
    assert.equal(complexity('Documented migration from Heroku to K8.'), 'extreme');
    assert.deepEqual(areas('Documented migration from Heroku to K8.'), ['containers/kubernetes', 'infrastructure/cloud']);
    assert.notEqual(complexity('Document the migration from Heroku to Kubernetes'), 'extreme');
  });
  it('publishing a built artifact is release automation (CI/CD, §3)', () => {
    assert.deepEqual(areas('Push releases to Docker Hub for AMD64 and ARM64'), ['CI/CD', 'containers/kubernetes']);
    assert.ok(areas('Automate Helm chart publishing').includes('CI/CD'));
    assert.deepEqual(areas('Publish the Python SDK to PyPI on tag'), ['CI/CD']);
    assert.ok(!areas('Publish the blog post about our Helm chart, the image gallery').includes('CI/CD'));
  });
  it('a fix-word in a purpose clause is the aim, not a sign of a contained fix', () => {
    assert.equal(complexity('Admission webhook to reduce user error'), 'medium');
    assert.equal(complexity('Admission webhook error on update'), 'low');
    assert.ok(!analyzeTask('Add retries to the uploader to prevent errors').signals.some((s) => s.kind === 'contained'));
  });
  it('"set up" builds something; "set" alone is a setting change', () => {
    assert.ok(!analyzeTask('Set up a reporting pipeline in Snowflake').signals.some((s) => s.kind === 'contained'));
    assert.ok(analyzeTask('Set the default timeout of the pipeline to 30 s').signals.some((s) => s.kind === 'contained'));
  });
  it('"end-to-end" is testing only as end-to-end tests', () => {
    assert.deepEqual(areas('Write end to end tests for checkout'), ['testing']);
    assert.ok(!areas('Set up an end-to-end pipeline for the Snowflake data').includes('testing'));
    assert.ok(!areas('Integrate Stripe end to end with webhook processing').includes('testing'));
  });
  it('a blue/green or canary deployment strategy is a new deployment system (substantial)', () => {
    assert.equal(complexity('Reduce deployment incidents via Blue/Green deployments'), 'medium');
    assert.equal(complexity('Fix the typo in the blue/green deployment script'), 'low');
  });
  it('a scope cue that is a whole area phrase counts; one inside a longer phrase does not', () => {
    assert.ok(analyzeTask('Include a third-party indexing tool for search').signals.some((s) => s.kind === 'substantial'));
    assert.ok(!analyzeTask('Add an integration test for the login').signals.some((s) => s.kind === 'substantial'));
  });
  it('a word inside a code path ("Api::V1::PlantsController#index") names a place, not an area', () => {
    assert.deepEqual(areas('Very slow query on Api::V1::PlantsController#index'), ['database']);
    assert.ok(areas('Slow query in the API endpoint for plants').includes('backend'));
  });
  it('what a test checks ("a test that confirms we can log in") is its subject', () => {
    assert.deepEqual(areas('Add a Playwright test that confirms users can log in to their accounts'), ['testing']);
  });
  it('"production environment" is where something happens, as weak as "environment"', () => {
    assert.ok(!areas('Memory leak observed in production environments under high API load').includes('infrastructure/cloud'));
    assert.deepEqual(areas('Provision a production environment on AWS'), ['infrastructure/cloud']);
  });
  it('closing or remediating certification gaps is certification work (high)', () => {
    assert.equal(complexity('Close the HIPAA and SOC 2 gaps that are ours'), 'high');
    assert.equal(complexity('Remediate the PCI DSS compliance gaps found last quarter'), 'high');
  });
  it('automating a deployment or build is release automation (CI/CD, §3)', () => {
    assert.ok(areas('Provision the VPC with Terraform and automate deployment').includes('CI/CD'));
    assert.ok(areas('A more automatic way to build and update the AMI with Packer').includes('CI/CD'));
    assert.ok(!areas('Automate the Terraform plan review, the deployment notes are separate').includes('CI/CD'));
  });
  it('an evaluative question or a cognitive verb in a user story asks for an evaluation (strategy)', () => {
    assert.notEqual(analyzeTask('As a business owner, I need to understand the advantages / disadvantages of AWS Control Tower').strategy.kind, 'none');
    assert.notEqual(analyzeTask('As a developer I want to know how difficult it will be to port the tool to Python 3').strategy.kind, 'none');
    assert.equal(analyzeTask('As an admin, I want to define roles for my team').strategy.kind, 'none');
  });
  it('a policy attached to the work ("with a retention policy") is its yardstick, not the deliverable', () => {
    assert.equal(analyzeTask('Set up nightly database backups to S3 with a retention policy').strategy.kind, 'none');
    assert.equal(analyzeTask('Write a data retention policy').strategy.kind, 'strategy-only');
  });
  it('a document about an operation (a runbook) does not carry it out (§5)', () => {
    assert.equal(analyzeTask('Write a runbook for restoring the database from backups').liveOps.live, false);
    assert.equal(analyzeTask('Restore the production database from last night\'s snapshot').liveOps.live, true);
  });
  it('bug symptoms ("time out", "stuck") mark a contained fix', () => {
    assert.equal(complexity('Our Lambda functions time out under load'), 'low');
    assert.ok(analyzeTask('Workers get stuck after a deadlock in the queue').signals.some((s) => s.kind === 'contained'));
  });
  it('a catalogue name listed in exact case is a named technology when written so ("Jaeger")', () => {
    assert.ok(analyzeTask('Set up Jaeger and Grafana for tracing').signals.some((s) => s.kind === 'substantial' && s.evidence.some((e) => e.phrase === 'Jaeger')));
    assert.ok(!analyzeTask('Set up jaeger tracing for the api').signals.some((s) => s.kind === 'substantial' && s.evidence.some((e) => e.phrase === 'jaeger')));
  });
  it('setting up a stack is building a new system (substantial)', () => {
    assert.ok(analyzeTask('Set up a monitoring stack').signals.some((s) => s.kind === 'substantial'));
  });
  it('a dotted code name ("orders.created_at") is a place; "add index" is database work', () => {
    assert.deepEqual(areas('Add index on orders.created_at to speed up reports'), ['database']);
    assert.ok(areas('Upgrade Node.js to 20 in the API service').includes('backend'));
  });
  it('signing in through a named provider is an external integration (§4)', () => {
    assert.equal(complexity('Add OAuth login with Bitbucket'), 'medium');
    assert.ok(analyzeTask('Sign in with my GitLab account').signals.some((s) => s.kind === 'substantial' && s.evidence.some((e) => e.rule.endsWith('login-with-provider'))));
    assert.equal(complexity('Fix login with email address validation'), 'low');
  });
  it('an imperative title ("Translate the onboarding emails") is not a verbless capability title', () => {
    assert.equal(complexity('Translate the onboarding emails into German.'), 'low');
    assert.equal(complexity('Booking & scheduling for clinics'), 'medium');
  });
  it('encryption is security hardening (§3), not a weak word', () => {
    assert.ok(areas('Enable default encryption for all our S3 buckets').includes('security'));
  });
  it('a live-target word inside a longer area name ("email domain") is part of the name', () => {
    assert.equal(analyzeTask('Add group based authorization, restrict by email domain').liveOps.live, false);
    assert.equal(analyzeTask('Create a DNS record for the api domain').liveOps.live, true);
  });
  it('a noun-or-verb word followed by "for" opens a verbless title ("Support for custom domains")', () => {
    assert.equal(complexity('Support for custom domains'), 'medium');
    assert.equal(complexity('Support the old config format in the parser'), 'low');
  });
  it('a full-stack application is backend and frontend work', () => {
    assert.deepEqual(areas('Rewrite the application as a full-stack application on a mono repo'), ['backend', 'frontend']);
  });
  it('preview and temporary environments are infrastructure (§3 environments)', () => {
    assert.ok(areas('Spin up temporary environments per pull request using ArgoCD').includes('infrastructure/cloud'));
    assert.ok(areas('Add preview environments for every branch').includes('infrastructure/cloud'));
  });
  it('a schema migration ("migration to add the status column") is one contained schema change', () => {
    assert.equal(complexity('Add a database migration to add the status column to orders'), 'low');
    assert.ok(!analyzeTask('Add a migration that renames the email field').concerns.some((c) => c.concern === 'architecture'));
    assert.ok(analyzeTask('Plan the database migration from MySQL to PostgreSQL').concerns.some((c) => c.concern === 'architecture'));
  });
  it('"from <A> to <B>" with named ends is a move between technologies (architecture)', () => {
    assert.ok(analyzeTask('Move container images from Docker Hub to GitHub Container Registry').concerns.some((c) => c.concern === 'architecture'));
    assert.ok(!analyzeTask('Move the search button from the header to the footer').concerns.some((c) => c.concern === 'architecture'));
    assert.ok(!analyzeTask('Move Search Button From Header To Footer').concerns.some((c) => c.concern === 'architecture'));
  });
  it('"users report … never arrive" is a bug report; bare "replicas" is no database work; a VPC endpoint is infrastructure', () => {
    assert.equal(complexity('Users report that password reset emails never arrive'), 'low');
    assert.ok(!areas('Scale the API deployment to 10 replicas during the sale').includes('database'));
    assert.ok(areas('Use the read replica for heavy read endpoints').includes('database'));
    assert.deepEqual(areas('Restrict S3 bucket access to the VPC endpoint'), ['infrastructure/cloud']);
  });
  it('a managed container service is read on the side the other words name (cloud or containers)', () => {
    assert.deepEqual(areas('Write Terraform for the ECS service'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Cost analysis of Fargate vs. EC2'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Add a Dockerfile and Kubernetes manifests for AKS'), ['containers/kubernetes']);
    assert.deepEqual(areas('Add ECS task definition for the worker'), ['containers/kubernetes']);
    // Named alone, or moved onto or off: both sides.
    assert.deepEqual(areas('Implement EKS support'), ['containers/kubernetes', 'infrastructure/cloud']);
    assert.deepEqual(areas('Move our build cluster off GKE onto our own infrastructure'), ['containers/kubernetes', 'infrastructure/cloud']);
  });
  it('a migration named only in the purpose clause, or as what a guide lists, is not the scope (§4: rate guides by what they deliver)', () => {
    assert.equal(complexity('I want to know how long the Python 3 upgrade of the CLI takes, so that I can plan migration timescales'), 'low');
    assert.equal(complexity('List the steps to migrate the staging environment'), 'low');
    assert.equal(complexity('Document the approach for migrating from one region to the other'), 'low');
    // A plan or spike about the migration keeps it (it decides the migration).
    assert.equal(complexity('Plan the steps to migrate the staging environment'), 'medium');
    assert.equal(complexity('Migrate the staging environment'), 'medium');
  });
  it('a search engine operated as a store (upgraded, scaled, backed up) is database work; used by a feature, backend', () => {
    assert.deepEqual(areas('Upgrade Elasticsearch to OpenSearch 3.x'), ['database']);
    assert.deepEqual(areas('Back up the OpenSearch indices nightly'), ['database']);
    assert.deepEqual(areas('Use Elasticsearch to filter products by rating'), ['backend']);
  });
  it('what is instrumented or monitored is the place of the work; one word may stand between an artifact and its "for"', () => {
    assert.deepEqual(areas('Instrument the inventory service with the OpenTelemetry SDK'), ['observability']);
    assert.deepEqual(areas('Monitor the payments API with Datadog'), ['observability']);
    assert.deepEqual(areas('Instrument the checkout flow in the React app'), ['frontend', 'observability']);
    assert.deepEqual(areas('Configure Prometheus scraping for the backend'), ['observability']);
  });
  it('an unlisted word before a determiner opens an imperative title; flaky tests are a bug; a test in a module is about it', () => {
    assert.equal(complexity('Backfill the new status column for existing orders'), 'low');
    assert.equal(complexity('Rate limit the login endpoint'), 'low');
    assert.deepEqual(areas('Backfill the new status column for existing orders'), ['database']);
    assert.deepEqual(areas('Flaky test in the billing module'), ['testing']);
    assert.equal(complexity('Flaky test in the billing module'), 'low');
    assert.deepEqual(areas('Horizontal pod autoscaling for the workers'), ['containers/kubernetes']);
  });
  it('an artifact title ("End-to-end tests for the checkout flow") is one deliverable, not a roadmap capability', () => {
    assert.equal(complexity('End-to-end tests for the checkout flow'), 'low');
    assert.equal(complexity('Grafana dashboards for the checkout service'), 'low');
    assert.equal(complexity('Offline mode for the mobile app'), 'medium'); // a capability
  });
  it('an operation in the purpose clause is not carried out; an ADR is an architecture record; a Terraform remote backend is infrastructure', () => {
    assert.equal(analyzeTask('As a developer I want a local environment with docker compose so that I can run the whole stack on my laptop').liveOps.live, false);
    assert.ok(analyzeTask('Write an ADR for moving session storage to Redis').concerns.some((c) => c.concern === 'architecture'));
    assert.deepEqual(areas('Move the Terraform state to a remote S3 backend with locking'), ['infrastructure/cloud']);
  });
  it('a live word after a determiner is a noun ("when a deploy fails"); common technologies and feature nouns name their areas', () => {
    assert.equal(analyzeTask('Send Slack notifications when a deploy fails').liveOps.live, false);
    assert.equal(analyzeTask('Deploy the API when the tests pass').liveOps.live, true);
    // (What infrastructure is built for is its subject: the API servers are served, not changed.)
    assert.deepEqual(areas('Add load balancing for the API servers'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Store embeddings in Pinecone'), ['database']);
    assert.deepEqual(areas('Run tfsec on pull requests'), ['security']);
    assert.deepEqual(areas('Add a cookie consent banner'), ['frontend']);
  });
  it('an example of a noun of another area ("endpoints like metrics") is that noun, not an area of its own', () => {
    assert.deepEqual(areas('Use the read replica for heavy read endpoints like metrics'), ['backend', 'database']);
    assert.deepEqual(areas('Add queues such as email sending to the API'), ['backend']);
    assert.deepEqual(areas('Add monitoring tools like Prometheus'), ['observability']);
  });
  it('container and pod logs are logging work; audit logging is the backend audit log', () => {
    assert.deepEqual(areas('Ship container logs to Loki'), ['observability']);
    assert.deepEqual(areas('Add audit logging for admin actions'), ['backend']);
  });
  it('a database a data pipeline only reads from or writes to is its end, and the flow integrates two systems', () => {
    assert.deepEqual(areas('Export all publishing database tables to BigQuery'), ['data pipelines']);
    assert.equal(complexity('Export all publishing database tables to BigQuery'), 'medium');
    assert.deepEqual(areas('Cleaning database DAG in Airflow is not working anymore'), ['data pipelines']);
    assert.equal(complexity('Cleaning database DAG in Airflow is not working anymore'), 'low');
    // Work on the database itself keeps the area.
    assert.deepEqual(areas('Add an index on the Postgres events table the Airflow DAG reads'), ['data pipelines', 'database']);
  });
  it('Redis beside a job queue is the broker (backend); as a cache or session store it is backend + database; operated alone it is a database', () => {
    assert.deepEqual(areas('Use Redis as the Celery broker'), ['backend']);
    assert.deepEqual(areas('Store user sessions in Redis'), ['backend', 'database']);
    assert.deepEqual(areas('Upgrade Redis to 7.2'), ['database']);
  });
  it('support for multi-region or multi-cloud in the software is its code (generalist backend) and infrastructure', () => {
    assert.deepEqual(areas('Add support for Multi-Region'), ['backend', 'infrastructure/cloud']);
    assert.deepEqual(areas('Multi-Cloud Support for the Migration Assistant'), ['backend', 'infrastructure/cloud']);
    assert.deepEqual(areas('Support multi-cloud deployments via Terraform modules'), ['infrastructure/cloud']);
  });
  it('a monolith split in a temporal clause is when the work applies; deploying "around the world" is multi-region', () => {
    assert.equal(complexity('Remove the monolith service after extracting all services from it'), 'medium');
    assert.equal(complexity('Split the monolith into services'), 'extreme');
    assert.ok(analyzeTask('Customers need to deploy the server around the world to reduce latency').signals.some((s) => s.kind === 'multi-region'));
  });
  it('a soft live verb acts on a target in its own sentence; a full stop inside a name ends no sentence', () => {
    assert.equal(analyzeTask('Our customers keep files in S3. Add a retry button to the upload dialog.').liveOps.live, false);
    assert.equal(analyzeTask('Enable scan-on-push on all ECR repositories').liveOps.live, true);
    assert.equal(analyzeTask('Then update the example.org name server configuration on GoDaddy').liveOps.live, true);
  });
  it('"we plan to" states an intention, not a plan deliverable; a hosting move needs verb and host in one sentence; "Jenkins server" is Jenkins', () => {
    assert.equal(analyzeTask('We plan to retire the Jenkins server').strategy.kind, 'none');
    assert.equal(analyzeTask('Plan the retirement of the Jenkins server').strategy.kind, 'strategy');
    assert.notEqual(complexity('Our staging cluster runs out of IP addresses. We need to switch the CNI to prefix delegation.'), 'extreme');
    assert.equal(complexity('Switch the cluster from EKS to GKE'), 'extreme');
    assert.deepEqual(areas('Upgrade the Jenkins server to the LTS release'), ['CI/CD']);
  });
  it('a second deployment in another region runs the system across regions', () => {
    assert.equal(complexity('Customers in the EU need their data stored in the EU. Stand up a second deployment of the platform in eu-west-1 with its own database.'), 'extreme');
  });
  it('certification verbs and objects match in any inflection; portals and MVPs are whole products; warehouse engines are engines', () => {
    assert.equal(complexity('Achieve SOC 2 Type II by Q3'), 'high');
    assert.equal(complexity('Launch the new customer portal in production with SSO and usage dashboards'), 'high');
    assert.equal(complexity('Build the MVP of the booking app: React frontend, Node API, Postgres'), 'high');
    assert.equal(complexity('Re-platform the data warehouse from Redshift to BigQuery'), 'extreme');
  });
  it('an example or code sample is documentation of its subject', () => {
    assert.deepEqual(areas('Add an example for GKE Autopilot'), []);
    assert.equal(complexity('Add an example for GKE Autopilot'), 'low');
  });
  it('a Terraform state file is a live resource: switching a setting on it operates on the live store', () => {
    assert.equal(analyzeTask('Enable versioning on the TF state file').liveOps.live, true);
    assert.equal(analyzeTask('Import the existing buckets into the Terraform state').liveOps.live, false);
  });
  it('live-operation probes: applying IaC to an environment is live; a version upgrade is no move; counted replicas are pod copies', () => {
    assert.equal(analyzeTask('Apply the Terraform changes to the staging account').liveOps.live, true);
    assert.equal(analyzeTask('Add a Terraform module for the staging account').liveOps.live, false);
    assert.notEqual(complexity('Upgrade the production cluster to Kubernetes 1.30'), 'extreme');
    assert.equal(complexity('Move the cluster to Kubernetes'), 'extreme');
    assert.equal(complexity('Scale the worker deployment to 20 replicas'), 'low');
    assert.deepEqual(areas('Rotate the database password in Vault'), ['security']);
    assert.ok(areas('Purge the CDN cache after each deploy').includes('infrastructure/cloud'));
    assert.ok(!areas('Purge the CDN cache after each deploy').includes('backend'));
  });
  it('a profile picture or user profile is no profiling', () => {
    assert.ok(!areas('Users should be able to upload a profile picture').includes('observability'));
    assert.ok(!areas('Show the user profile in the header').includes('observability'));
    assert.ok(areas('Add CPU profiling to the worker').includes('observability'));
  });
  it('"strip" is no Stripe: a product name whose stem is another word is matched as written', () => {
    assert.deepEqual(areas('Strip trailing slashes from URLs in the router'), []);
    assert.equal(complexity('Strip trailing slashes from URLs in the router'), 'low');
    assert.deepEqual(areas('Handle Stripe webhooks'), ['backend']);
    assert.deepEqual(areas('Validate the shipping address on checkout'), ['backend']);
  });
  it('issue-format probes: "how can we…?" asks for a plan; a markdown heading is a section label; a list item may open with the operation; a role\'s dashboard is a UI', () => {
    assert.equal(analyzeTask('How can we reduce our AWS bill?').strategy.kind, 'strategy');
    assert.deepEqual(areas('How can we reduce our AWS bill?'), ['infrastructure/cloud']);
    assert.equal(analyzeTask('## Problem\nThe login page is slow.\n## Proposal\nCache the session lookup in Redis.').strategy.kind, 'none');
    assert.equal(analyzeTask('- [ ] Add a Dockerfile\n- [ ] Add a Helm chart\n- [ ] Deploy to staging').liveOps.live, true);
    assert.equal(analyzeTask('Add a Helm chart that deploys the worker to staging').liveOps.live, false);
    assert.deepEqual(areas('Add filters to the merchant dashboard'), ['frontend']);
  });
  it('"them" is no theme: a word whose stem is another word is matched as written', () => {
    assert.ok(!areas('Register the features and serve them online').includes('frontend'));
    assert.deepEqual(areas('Support custom themes'), ['frontend']);
  });
  it('readings from the independent probe set: host names, vendor prefixes, staging scale-ups, regressions, roll-outs, throughput targets', () => {
    // A docs word inside a host name is a place.
    assert.notEqual(analyzeTask('Add a CNAME record for docs.example.com in the Terraform DNS module').generalist, true);
    // "AWS Secrets Manager" names a product: moving secrets into it moves no hosting.
    assert.notEqual(complexity('Move API secrets out of .env files into AWS Secrets Manager'), 'extreme');
    // Scaling staging is no production rollout.
    assert.ok(!analyzeTask('Scale the staging web tier from 3 to 6 EC2 instances').signals.some((s) => s.kind === 'production-rollout'));
    // A regression after an upgrade is a bug report.
    assert.equal(complexity('Stripe webhook signature verification rejects valid events after upgrading stripe-node to v14'), 'low');
    // A database restore keeps its database area beside an analytics name.
    assert.ok(areas('Restore the staging analytics Postgres database from last night\'s snapshot').includes('database'));
    // Network policies are Kubernetes/security objects, not a policy document; a new operator is a new component.
    assert.equal(analyzeTask('Write a Kubernetes operator that reconciles a Tenant CRD into namespaces with default network policies').strategy.kind, 'none');
    assert.equal(complexity('Build a Kubernetes operator that reconciles a Tenant CRD into namespaces'), 'medium');
    // A library swap across the whole app is codebase-wide.
    assert.equal(complexity('Replace Moment.js with date-fns across the web app'), 'medium');
    // A Slack integration is backend work (§3 third-party integrations); a build cache is CI work.
    assert.ok(areas('Build a Slack integration that posts deployment summaries').includes('backend'));
    assert.deepEqual(areas('Add a build cache to the CI workflow'), ['CI/CD']);
    // Rolling a system out to production deploys it (CI/CD and live), with throughput targets as hard constraints.
    const roll = analyzeTask('Roll out the fraud scoring system to production (20k TPS, p99 under 50 ms): Kafka streaming pipeline and Grafana alerting');
    assert.equal(roll.liveOps.live, true);
    assert.ok(roll.areas.some((a) => a.area === 'CI/CD'));
    assert.ok(roll.signals.some((s) => s.kind === 'hard-constraint'));
    assert.equal(analyzeTask('Roll out the validated design system to the other app areas').liveOps.live, false);
  });
  it('a part of a hyphenated name ("payments-api") is no area of its own; "Docker-based" uses Docker; an app permission is UI', () => {
    assert.deepEqual(areas('Roll back the payments-api Helm release on the prod cluster'), ['CI/CD', 'containers/kubernetes']);
    assert.ok(areas('Add a Docker-based dev environment for the API').includes('containers/kubernetes'));
    assert.deepEqual(areas('Android app crashes when camera permission is denied on the ID-verification screen'), ['frontend']);
  });
  it('more probe-set readings: existing things and "on CI" are places; scans in a query plan are database work; splits, stacks, both clouds', () => {
    assert.deepEqual(areas('Flaky test: UserSignupE2E times out intermittently on CI'), ['testing']);
    assert.ok(!areas('Deploy the recommendation service v1.3.0 using the existing Helm chart').includes('containers/kubernetes'));
    assert.deepEqual(areas('The order-history query does a sequential scan; add a composite index'), ['database']);
    assert.deepEqual(areas('Add a p95 latency panel for the checkout service to the Grafana dashboard'), ['observability']);
    assert.equal(complexity('Break the Django monolith into separate accounts, catalog and orders services'), 'extreme');
    assert.equal(complexity('Stand up the production observability stack on the prod cluster: Prometheus, Loki and Grafana via Helm'), 'high');
    assert.equal(complexity('Run the storefront on both AWS and GCP with automatic DNS failover between them'), 'extreme');
    assert.equal(complexity('Write an RFC for extracting the reporting module from the Rails monolith into its own service'), 'medium');
  });
  it('an artifact\'s modifier or "to the X" destination is its subject; a managed database provisioned beside cloud resources is one', () => {
    assert.deepEqual(areas('Add OpenTelemetry tracing to the checkout flow'), ['observability']);
    assert.deepEqual(areas('Rewrite the API Dockerfile as a multi-stage build'), ['containers/kubernetes']);
    assert.equal(complexity('Admission webhook to reduce user error'), 'medium'); // "to" + verb is a purpose
    assert.deepEqual(areas('Provision a new staging environment on GCP with Terraform: VPC, GKE cluster and Cloud SQL instance'), ['infrastructure/cloud']);
    assert.ok(areas('Set up nightly backups of the Cloud SQL instance with Terraform').includes('database'));
  });
  it('an artifact\'s subject list goes on past its commas, but a new clause after a comma is new work', () => {
    assert.deepEqual(areas('Write a Playwright e2e suite covering the signup, checkout and refund flows'), ['testing']);
    assert.ok(areas('Add tests for the parser, and change the Postgres schema').includes('database'));
  });
  it('code in backticks names files, strings and symbols; "the X team" is who, not the work', () => {
    assert.deepEqual(areas('Add `Enable (Push) Notifications` step to the onboarding flow'), ['frontend']);
    assert.deepEqual(areas('Fix the SQL query in `reports/billing_refunds.sql`'), ['database']);
    assert.deepEqual(areas('Write Terraform for a new perf environment for the load-testing team'), ['infrastructure/cloud']);
    // A single identifier in backticks names the object of the work.
    assert.ok(areas('Add `Content-Security-Policy` to the nginx config').includes('security'));
  });
  it('probe-3 readings: a demo instance is no whole-product deploy; running on both of two hosts is multi-cloud; a control plane is no plan', () => {
    assert.notEqual(complexity('Deploy a demo instance of the storefront to the sales sandbox AWS account'), 'high');
    assert.equal(complexity('Multi-cloud: run the control plane on both EKS (AWS) and GKE (GCP) with DNS-based failover'), 'extreme');
    assert.equal(analyzeTask('Upgrade the Kubernetes control plane to 1.30').strategy.kind, 'none');
    assert.deepEqual(areas('Add a Playwright e2e test covering the password-reset flow (request link, open email, set new password)'), ['testing']);
    assert.ok(!areas('Mask the AWS key the deploy workflow prints into the build logs').includes('observability'));
    assert.ok(!areas('Weekly retraining pipeline for the fraud model on Vertex AI Pipelines').includes('CI/CD'));
  });
  it('what a UI element is for is its subject; a tool that reports is evidence; an actor before a modal still counts', () => {
    assert.deepEqual(areas('Checkout button does nothing on Safari 16.4'), ['frontend']);
    assert.deepEqual(areas('Decommission the legacy ElastiCache cluster and its security groups — CloudWatch shows zero connections since March'), ['infrastructure/cloud']);
    assert.ok(areas('Deploy a second instance of the stack to the other region, so that monitoring can continue running').includes('observability'));
  });
  it('probe-5 readings: a symptom verb is a bug; a package name is one thing; a new environment or a large refactor is substantial', () => {
    // "ignores" reports a bug: the verbless-title reading does not make it a capability to build.
    assert.equal(complexity('Search filters ignore the selected locale'), 'low');
    // Parts of one package or repository name are neither integration nor scope cues.
    assert.equal(complexity('Use terraform-aws-modules/vpc for the VPC'), 'low');
    // Standing up a new environment or cluster is a new system (§4 substantial).
    assert.equal(complexity('Provision a QA environment with Pulumi'), 'medium');
    assert.equal(complexity('Large refactor of the settings code to drop the legacy store'), 'medium');
  });
  it('probe-5 readings: separating a monolith and moving onto another database engine are extreme', () => {
    assert.equal(complexity('Separate the monolith into services behind an API gateway'), 'extreme');
    assert.equal(complexity('Move over to using MySQL as the database for the API'), 'extreme');
    // An engine version upgrade in place is not a move.
    assert.notEqual(complexity('Upgrade to Postgres 16'), 'extreme');
  });
  it('the host or config file a change lands in is a place; "policy" inside a named header is no policy concern', () => {
    assert.deepEqual(areas('Add an X-Frame-Options header to the web server'), ['security']);
    assert.deepEqual(areas('Add security headers to the Apache config'), ['security']);
    assert.deepEqual(analyzeTask('Set a Content Security Policy for the admin app').concerns.map((c) => c.concern), []);
    // A server that is itself the work still counts.
    assert.ok(areas('Provision a new web server for the docs site').includes('infrastructure/cloud'));
  });
  it("an issue title's label comes before its opening verb; a technology after 'for' is served, not integrated", () => {
    const live = (t: string): boolean => analyzeTask(t).liveOps.live;
    assert.ok(live('[INFRA] Provision a sandbox environment with Terraform'));
    assert.ok(live('ops(staging): provision a sandbox environment with Terraform'));
    assert.ok(live('OPS-512 - Provision a sandbox environment with Terraform'));
    // Without an opening operation the Terraform work is authoring, not a live change.
    assert.ok(!live('[INFRA] Terraform module that can provision a sandbox environment'));
    assert.equal(complexity('feat: implement a health check for Kubernetes probes'), 'low');
    assert.equal(complexity('Implement payments with Stripe'), 'medium');
  });
  it('a word before an address only qualifies it: no area, no live target', () => {
    const a = analyzeTask('Point the Semgrep scans at the new staging environment URL');
    assert.deepEqual(a.areas.map((x) => x.area), ['security']);
    assert.ok(!a.liveOps.evidence.some((e) => /staging/i.test(e.phrase)));
  });
  it('a web server a change is made in is a place; a technology naming the kind of a file is no integration', () => {
    assert.deepEqual(areas('Require an API key for admin requests in Caddy'), ['backend']);
    assert.ok(areas('Put HAProxy in front of the two API servers').includes('infrastructure/cloud'));
    assert.equal(complexity('Write a Terraform file for the Fargate service'), 'low');
    assert.equal(complexity('Connect the Django app to Keycloak via OpenID Connect'), 'medium');
  });
  it('mail authentication records are DNS (infrastructure) and security', () => {
    assert.deepEqual(areas('Add SPF and DKIM records for the marketing domain'), ['infrastructure/cloud', 'security']);
    // A named tool's policy is its configuration, not a policy document (strategy-only).
    // (Kyverno is a Kubernetes admission policy engine: both areas.)
    assert.deepEqual(areas('Add a Kyverno policy that blocks images tagged latest'), ['containers/kubernetes', 'security']);
    assert.equal(analyzeTask('Add a Kyverno policy that blocks images tagged latest').strategy.kind, 'none');
    assert.equal(analyzeTask('Write a data retention policy for customer records').strategy.kind, 'strategy-only');
  });
  it('probe-6 readings: a library named for a cloud is no host; carving out a service splits the system', () => {
    assert.notEqual(complexity('Migrate from the AWS SDK v2 to v3 in the upload worker'), 'extreme');
    // (A framework or CDK named for a host is a tool, not where the system runs.)
    assert.notEqual(complexity('Refactor from Serverless Framework to AWS CDK'), 'extreme');
    assert.equal(complexity('Extract the billing service (invoices and refunds)'), 'extreme');
    // "service account" is no service carved out.
    assert.notEqual(complexity('Extract service account keys into Vault'), 'extreme');
  });
  it('probe-6 readings: policy checks are code; role-based access is backend; "for testing" is a purpose', () => {
    assert.deepEqual(areas('Role-based access guards and policy checks'), ['backend']);
    assert.equal(analyzeTask('Add policy checks to the admin endpoints').strategy.kind, 'none');
    assert.deepEqual(areas('Provision a staging environment for testing major changes'), ['infrastructure/cloud']);
  });
  it('probe-6 readings: the setup a bug shows in is a place; a title naming one operation is no capability', () => {
    assert.deepEqual(areas('Fix broken image uploads when using AWS S3 with the Django storage backend'), ['backend']);
    assert.equal(complexity('ZAP baseline scan against the staging site'), 'low');
    assert.equal(complexity('Dependency scanning and SBOM generation'), 'medium');
  });
  it('every infrastructure-as-code tool is automation: writing it carries no operation out', () => {
    assert.ok(!analyzeTask('Use Pulumi to create the CloudWatch alarms for the API').liveOps.live);
    assert.ok(analyzeTask('Create the CloudWatch alarms for the API in the prod account').liveOps.live);
  });
  it('probe-4 readings: pricing plans are no plan; a reworded quoted title is no migration; queues and translation are substantial', () => {
    assert.equal(analyzeTask('Subscription plans (Basic / Premium) with Paddle checkout').strategy.kind, 'none');
    assert.notEqual(analyzeTask('Plan the rollout of the new search cluster').strategy.kind, 'none');
    assert.equal(complexity('Rename "Moving from Heroku to AWS" to "Moving to AWS" in the docs sidebar'), 'low');
    assert.equal(complexity('Implement a job queue for PDF exports'), 'medium');
    assert.equal(complexity('Add internationalization to the checkout pages'), 'medium');
    // (Written with its abbreviation, as the catalogue's name has it: still the cue.)
    assert.equal(complexity('Add internationalization (i18n) support.'), 'medium');
    assert.equal(complexity('Fix an i18n typo on the login page'), 'low');
  });
  it('after an opening operation, a clause reporting a symptom says why: its words are evidence', () => {
    const a = analyzeTask('Scale the ingress controller on the prod Kubernetes cluster to 6 replicas; it returns 503s on Stripe webhooks under load');
    assert.ok(!a.areas.some((x) => x.area === 'backend'));
    assert.ok(a.ignored.some((e) => e.rule.startsWith('symptom-reason:')));
    assert.ok(!a.signals.some((x) => x.kind === 'substantial'));
    // In a bug report the symptom is the work.
    assert.ok(areas('Stripe webhooks return 503s; fix the signature check').includes('backend'));
  });
  it('a precedent named for comparison ("as with X") is no work of its own', () => {
    assert.deepEqual(areas('Give the Gitea database its own PostgreSQL role (as with Grafana and Keycloak)'), ['database']);
    assert.ok(!analyzeTask('Give the Gitea database its own PostgreSQL role (as with Grafana and Keycloak)').signals.some((x) => x.kind === 'substantial'));
  });
  it('a domain word naming which component it is ("the analytics database") is no area of its own', () => {
    assert.deepEqual(areas('Restore the analytics MySQL database from the nightly snapshot'), ['database']);
    assert.ok(areas('Build an analytics pipeline into the warehouse').includes('data pipelines'));
  });
  it('an automation trigger counts in its own sentence; a system that "should deploy" states a requirement', () => {
    assert.ok(analyzeTask('Decommission the old Jenkins EC2 instance; all builds moved to GitHub Actions in May.').liveOps.live);
    assert.ok(!analyzeTask('Decommission the Jenkins instance automatically once the GitHub Actions workflow is green').liveOps.live);
    assert.ok(!analyzeTask('Add canary releases: the shop should deploy without downtime').liveOps.live);
    assert.ok(analyzeTask('The API is ready, so we should deploy it to production today').liveOps.live);
  });
  it('an environment name qualifying a cluster or a scanned system is no cloud target of its own', () => {
    assert.deepEqual(analyzeTask('Roll back the checkout Helm release on the prod cluster to revision 12').liveOps.targets, ['kubernetes']);
    assert.deepEqual(analyzeTask('Run a Trivy scan against staging and report critical CVEs').liveOps.targets, ['security']);
    // Deploying to production is a cloud deployment target even beside security work.
    assert.ok(analyzeTask('Deploy production HashiCorp Vault').liveOps.targets.includes('cloud'));
  });
  it('snake_case names are identifiers; "at <web server>" is a place; a scanner that "identifies" reports; a plan put "to the folder" is a plan', () => {
    assert.deepEqual(areas('Add secrets management (including the new STRIPE_API_KEY) for the worker host'), ['security']);
    assert.deepEqual(areas('Add HSTS headers at Caddy'), ['security']);
    assert.deepEqual(areas('Add rate limiting to the login API: CodeQL identifies missing rate limiting'), ['backend']);
    assert.notEqual(complexity('Add the Heroku to AWS migration plan to the docs_site folder'), 'extreme');
  });
  it('a plan the task also carries out is no plan deliverable; "separate" before a noun is an adjective; "support" is no port', () => {
    assert.equal(complexity('Move the shop from Heroku to AWS: plan and execute the cutover, DNS switch and validation'), 'extreme');
    assert.equal(complexity('Cut over production to GCP: carry out the migration and cutover plans'), 'extreme');
    // Delivering a plan is the plan.
    assert.notEqual(analyzeTask('Deliver a migration plan for the Postgres upgrade').strategy.kind, 'none');
    assert.notEqual(complexity('Implement a separate notification microservice'), 'extreme');
    // A spike is rated by what it delivers; "Support" is not "port" (a migration word).
    assert.equal(complexity('[spike] Support standing up clusters with Pulumi'), 'low');
  });
  it('a technology after "for" is served; "support for <system>" integrates it; "existing" integrations, replica counts and the "code base"', () => {
    assert.equal(complexity('Set up GitHub Actions for GCP deployment'), 'low');
    assert.equal(complexity('Add support for the OpenSearch engine'), 'medium');
    // (A name the catalogues miss, written with a capital, is a system too; a lowercase word is not.)
    assert.equal(complexity('Add support for Hetzner'), 'medium');
    assert.equal(complexity('Add support for cloud storage'), 'low');
    assert.equal(complexity('Add an optional retry step to our existing Sentry integration'), 'low');
    assert.equal(complexity('Allow changing the replicas count of the operator deployment'), 'low');
    assert.equal(complexity('Improve tracing: add spans across the code base'), 'medium');
    assert.equal(complexity('Improve tracing: add spans in the code'), 'low');
  });
  it('what infrastructure is built for is its subject; object storage at a pipeline end is the pipeline; a hyphenated name holds no platform', () => {
    assert.deepEqual(areas('Add a load balancer for the staging frontend'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Add Airflow tasks to load from GCS to BigQuery'), ['data pipelines']);
    assert.notEqual(complexity('Trivy image scanner for the cloud-platform repositories'), 'high');
  });
  it('applied or schema migrations are no migration between technologies; a tool for multi-region releases runs in one; a named server is a place; a viewer is UI', () => {
    assert.equal(complexity('Run all pending migrations on the staging DB'), 'low');
    assert.equal(complexity('Migration plan for the reporting schemas'), 'low');
    // (Run on a hosting platform, they still move nothing: "Migrations should be run in Fargate".)
    assert.notEqual(complexity('Migrations should be run in FARGATE'), 'extreme');
    assert.notEqual(complexity('Run the migrations in ECS'), 'extreme');
    assert.equal(complexity('Migrate the app to ECS'), 'extreme');
    assert.notEqual(complexity('Build a release pipeline for multi-region releases'), 'extreme');
    assert.equal(complexity('Add support for multi-region'), 'extreme');
    assert.deepEqual(areas('Add a REST API on the Vault server to list mounts'), ['backend']);
    assert.deepEqual(areas('Audit logs viewer'), ['frontend']);
  });
  it('a system made to run across regions is infrastructure work as well (§3 cloud resources)', () => {
    assert.deepEqual(areas('Deploy failover configurations across regions'), ['CI/CD', 'infrastructure/cloud']);
    assert.ok(analyzeTask('Deploy failover configurations across regions').areas.some((a) => a.evidence.some((e) => e.rule.startsWith('inferred:multi-region-infra:'))));
    // A named region the system expands into runs it across regions; users located there do not.
    assert.equal(complexity('Add support for EU region (+ follower database)'), 'extreme');
    assert.notEqual(complexity('Fix the timezone bug for users in the EU region'), 'extreme');
    // (A document about it builds nothing: no signal, no inferred area.)
    assert.deepEqual(areas('Fix typo in the cross-region failover guide'), []);
  });
  it('"be <certification> compliant" sets out to achieve it; documentation for it does not (§4 high)', () => {
    assert.equal(complexity('General: Be ISO 27001 compliant'), 'high');
    // (Seeking an authority to operate achieves the authorisation; researching one does not.)
    assert.equal(complexity('Seek authority to operate (ATO) and SA&A'), 'high');
    assert.equal(complexity('Research on consolidating into a single ATO'), 'low');
    // (A certification's programme achieves it, policies included; a self-assessment programme does not.)
    assert.equal(complexity('SOC 2 Type I/II program: pick vendor (Vanta/Drata), file policies, begin observation window'), 'high');
    assert.notEqual(complexity('implement a PCI self-assessment program'), 'high');
    // (Completing the certification's audit achieves it; organising one to prepare for it does not.)
    assert.equal(complexity('SOC 2 Type II certification — complete audit and publish report'), 'high');
    assert.notEqual(complexity("Organise External Audit of DWYL's infoSec Controls to prep for ISO Certification"), 'high');
    assert.notEqual(complexity('Documentation for configuring MOTECH to be HIPAA compliant'), 'high');
  });
  it('a retrospective or postmortem is a document: writing one about a migration carries nothing out (§3 docs)', () => {
    const a = analyzeTask('write retrospective on moving away from Vercel & Netlify');
    assert.equal(a.generalist, true);
    assert.equal(complexity('write retrospective on moving away from Vercel & Netlify'), 'low');
    assert.equal(analyzeTask('Write a postmortem for the database failover').areas.length, 0);
  });
  it('a deployment to an environment named as the work is CI/CD (§3 "deployment" as a noun that gets built)', () => {
    assert.deepEqual(areas('Production deployment with full monitoring'), ['CI/CD', 'observability']);
    assert.ok(areas('Multi-region deployment with tenant data pinned to a region at creation.').includes('CI/CD'));
  });
  it('a production deployment or go-live named as the work rolls the whole system out (§4 high with 2+ areas)', () => {
    assert.ok(signal('Production deployment with full monitoring', 'production-rollout'));
    assert.equal(complexity('Production deployment with full monitoring'), 'high');
    // (Carried out on production: a live operation, with the cloud as the target when none is named.)
    assert.ok(analyzeTask('Production deployment with full monitoring').liveOps.evidence.some((e) => e.rule.startsWith('live:production-rollout:')));
    assert.ok(routeAnalysis(analyzeTask('Production deployment with full monitoring')).personas.some((p) => p.persona === 'cloud-cli-wrapper'));
    // (Preparing for it, or approving releases from a chat tool, rolls nothing out.)
    assert.notEqual(complexity('Production Deployment Preparation — prepare the application for production deployment: CI/CD pipeline setup and monitoring'), 'high');
    assert.notEqual(complexity('Build a Slack integration that lets engineers approve production releases from Slack'), 'high');
  });
  it("a user role's dashboard is a page of the app (frontend), not a monitoring dashboard", () => {
    assert.deepEqual(areas('Add a creator dashboard'), ['frontend']);
    assert.deepEqual(areas('Create a RED method dashboard for the history service'), ['observability']);
  });
  it('"change from <engine> to <engine>" replaces the engine like "switch from" (§4 extreme)', () => {
    assert.equal(complexity('Change from MongoDB to PostgreSQL'), 'extreme');
    assert.equal(complexity('Change from tabs to spaces in the editor'), 'low');
    // ("Use <host> instead of <host>" replaces one with the other, unless it is for something new.)
    assert.equal(complexity('Use EKS instead ECS'), 'extreme');
    assert.notEqual(complexity('Use EKS instead of ECS for the new workers'), 'extreme');
  });
  it('rotating or revoking a secret, as asked, is a live operation with the scanner as target (§5, §6 L4)', () => {
    const a = analyzeTask('Any secret value that is stored in repo settings should be rotated.');
    assert.equal(a.liveOps.live, true);
    assert.ok(a.liveOps.evidence.some((e) => e.rule.startsWith('live:rotate-secret:')));
    assert.ok(routeAnalysis(a).personas.some((p) => p.persona === 'scanner-cli-wrapper'));
    // (A job that rotates them is automation to build; a guide about it is docs.)
    assert.equal(analyzeTask('Add a job that rotates the signing keys every 90 days').liveOps.live, false);
    assert.equal(analyzeTask('Document how to rotate the API keys').liveOps.live, false);
  });
  it('a provider name inside a code identifier is no integration (a column is named after it)', () => {
    assert.equal(complexity('In invoices table, stripe_payment_intent_id needs to be unique'), 'low');
    assert.equal(complexity('Add Stripe checkout'), 'medium');
  });
  it('docs delivered beside the work they document do not make a docs task (§3)', () => {
    assert.deepEqual(areas('Add the Helm chart and documentation for it'), ['containers/kubernetes']);
    assert.equal(analyzeTask('Write code and docs for the Kafka consumer').generalist, false);
    // (Docs first, or docs alone, stay a docs change.)
    assert.equal(analyzeTask('Improve documentation and examples for people developing external issuers').generalist, true);
    assert.equal(analyzeTask('Update the README for the Kubernetes setup').generalist, true);
  });
  it('centralised logging gathers every service\'s logs: substantial scope, not one service\'s logging (§4)', () => {
    assert.equal(complexity('Implement Centralized Logging'), 'medium');
    assert.ok(!signal('Add a request id field to the log lines', 'substantial'));
  });
  it('moving work from one technology to a named other of its area is a migration between technologies (§4 substantial)', () => {
    assert.equal(complexity('Move travis job to Github Actions'), 'medium');
    // (Not a move within one technology, nor to something that is no name.)
    assert.equal(complexity('Move the alert rules to the alerts folder'), 'low');
    assert.equal(complexity('Move darkmode toggle to profile settings'), 'low');
  });
  it('"A instead of B" naming two technologies of one area replaces one with the other (§4 substantial)', () => {
    assert.equal(complexity('Allow to use Gitlab CI instead of Jenkins'), 'medium');
    assert.equal(complexity('Use Vitest instead of Jest'), 'medium');
    // (Not generic words, nor Title Case text where capitals prove nothing.)
    assert.equal(complexity('Use Tests Instead Of Mocks'), 'low');
    assert.equal(complexity('Return an empty list instead of null in the API'), 'low');
  });
  it('a move told in the past inside a relative clause is what the work deals with, not a move to make', () => {
    assert.notEqual(complexity('Adding support for local files that just migrated to AWS S3'), 'extreme');
    assert.equal(complexity('Migrate the local files to AWS S3 that we host on our own server'), 'extreme');
  });
  it('a backend-as-a-service platform hosts an app: leaving it is a hosting move; its DB migrations are schema files', () => {
    assert.equal(complexity('Migrate from Firebase to Supabase (db and storage)'), 'extreme');
    assert.equal(complexity('Replace Firebase with Supabase'), 'extreme');
    assert.notEqual(complexity('add Supabase deploy job for edge functions and DB migrations'), 'extreme');
    assert.notEqual(complexity('Add a push notification system with Firebase'), 'extreme');
  });
  it('"port" as a verb moves a system ("Port RI to AKS"); a port number is no move; a migration skill is tooling', () => {
    assert.equal(complexity('Port RI to AKS'), 'extreme');
    assert.notEqual(complexity('Expose port 8080 on the API container'), 'extreme');
    assert.notEqual(complexity('feat(migrate): add heroku-to-aws migration skill'), 'extreme');
  });
  it('a title naming two hosting platforms is a move between them', () => {
    assert.equal(complexity('Docker Swarm to AKS'), 'extreme');
    // (The destination may offer alternatives; an arrow joins them as "to" does.)
    assert.equal(complexity('Azure to AWS or GCP'), 'extreme');
    for (const t of ['AWS > GCP', 'Heroku -> Render.com', 'Azure → AWS']) assert.equal(complexity(t), 'extreme', t);
    // (Two hosting phrases at the first word, "AWS" and "AWS account", are no move, and no crash.)
    for (const t of ['AWS account cleanup', 'Azure VM sizes']) assert.notEqual(complexity(t), 'extreme', t);
  });
  it('researching or preparing for a certification is strategy, not the certification programme', () => {
    const r = analyzeTask('Research requirements for PCI DSS compliance');
    assert.notEqual(r.strategy.kind, 'none');
    assert.ok(!r.signals.some((s) => s.kind === 'certification'));
    assert.equal(complexity('Achieve SOC 2 Type II certification'), 'high');
  });
  it('a user story for an in-product capability is a full-stack feature', () => {
    assert.deepEqual(areas('As an admin, I want to add, edit and delete products'), ['backend', 'frontend']);
    assert.deepEqual(areas('As a customer I want to know what changed in the new version'), []);
  });
});

describe('analyzer: a meaning-driven vocabulary audit (plain tasks an engineer would write)', () => {
  it('UI widgets and states are frontend', () => {
    for (const t of ['Display a progress bar during upload', 'Add empty state illustration', 'Add a rich text editor to the app', 'Add a popover to the app'])
      assert.deepEqual(areas(t), ['frontend'], t);
  });
  it('schema, locking and seeding terms are database; a schema of a document or API format is not', () => {
    assert.deepEqual(areas('Add a unique constraint on email'), ['database']);
    assert.deepEqual(areas('Fix the optimistic locking'), ['database']);
    assert.deepEqual(areas('Update the OpenAPI schema'), ['backend']);
    assert.deepEqual(areas('Add JSON schema for the config file'), ['backend']);
    assert.deepEqual(areas('Migrate the Postgres schema'), ['database']);
  });
  it('auth libraries and server-side nouns are backend', () => {
    for (const t of ['Support LDAP', 'Add NextAuth', 'Fix the rate limiter', 'Fix the token refresh']) assert.deepEqual(areas(t), ['backend'], t);
  });
  it('VPNs are infrastructure, latency percentiles observability, k3d containers', () => {
    assert.deepEqual(areas('Set up WireGuard'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Track p99 latency'), ['observability']);
    assert.deepEqual(areas('Use k3d'), ['containers/kubernetes']);
  });
  it('a weak word inside a deliverable\'s name, or read as a verb after "to", names no area', () => {
    assert.deepEqual(areas('documentation: add an Architecture decision record (ADR)'), []);
    assert.ok(!areas("At some point we'd like git tags to trigger publication on npmjs.com.").includes('database'));
    // (A weak word alone still points to its area.)
    assert.deepEqual(areas('Add a trigger that fills updated_at'), ['database']);
  });
  it('a title that opens with "Fix", after its label too, is a fix first (§4 contained): that cue counts twice', () => {
    for (const t of ['Fix the webhook integration', 'api: Fix the webhook integration', '[Payments] Fix the webhook integration']) assert.equal(complexity(t), 'low', t);
    assert.equal(complexity('Update and fix the webhook integration'), 'medium');
  });
  it('a strategy verb in a temporal clause says when something happens: no plan is asked for', () => {
    assert.equal(analyzeTask('Page crashes when selecting large files on a low memory system.').strategy.kind, 'none');
    assert.notEqual(analyzeTask('Select a log shipper for the cluster').strategy.kind, 'none');
  });
  it('steps written down for an operation are a how-to (§3 docs); row-level security is database work', () => {
    assert.equal(analyzeTask('AWS Disaster Recovery Steps').generalist, true);
    assert.deepEqual(areas('Enable row-level security on the tenants table'), ['database']);
  });
  it('a Markdown file is a document (§3 docs): its subject is no scope of its own', () => {
    assert.equal(complexity('Create migration-approach.md'), 'low');
    assert.equal(analyzeTask('Create migration-approach.md').generalist, true);
  });
  it('user roles, error handling, plugin systems and personal-data deletion are server-side features', () => {
    for (const t of ['Let admins change user roles', 'Show settings based on their role', 'Consistent error handling in the worker', 'Plugin system for custom commands', 'Honour the right to be forgotten']) assert.deepEqual(areas(t), ['backend'], t);
    // (An architecture named as such stays an architecture concern.)
    assert.ok(analyzeTask('Implement a plugin architecture').concerns.some((c) => c.concern === 'architecture'));
  });
  it('what an artifact lets its users do ("…where they can…") is work, not the artifact\'s subject', () => {
    assert.deepEqual(areas('There can be a dashboard for admins where they can change user roles for all the users.'), ['backend', 'frontend']);
    assert.deepEqual(areas('Grafana dashboard for the user roles service'), ['observability']);
  });
  it('monitoring deployed by a Kubernetes operator is both; upgrading a stack in place builds no whole system (§4)', () => {
    assert.deepEqual(areas('Install the Prometheus Operator'), ['containers/kubernetes', 'observability']);
    const t = 'Monitoring stack upgrade including Prometheus, Prometheus Operator, Node exporter, kube-state-metrics etc.';
    assert.ok(!analyzeTask(t).signals.some((s) => s.kind === 'whole-system'));
    assert.equal(complexity(t), 'medium');
  });
  it('"front and backend" names both ends; SonarCloud is a code scanner (security)', () => {
    assert.deepEqual(areas('Added table pagination support on front and backend'), ['backend', 'frontend']);
    assert.deepEqual(areas('Add SonarCloud analysis'), ['security']);
  });
  it('a new version of the application\'s own framework is codebase-wide (§4); a database version or a colour update is not', () => {
    for (const t of ['Upgrade Django to latest version', 'Upgrade to PHP 8/Laravel 10', 'Upgrade React from 17 to 18']) assert.equal(complexity(t), 'medium', t);
    assert.equal(complexity('Update Settings pages background color'), 'low');
    assert.equal(complexity('Bump Django to 4.2.7'), 'low');
    assert.notEqual(complexity('Upgrade Postgres to 16'), 'medium');
  });
  it('an admin interface is a UI, user administration server-side, an alert endpoint a notification channel; a platform the work serves is not built', () => {
    assert.deepEqual(areas('Administrative interface for user management'), ['backend', 'frontend']);
    assert.deepEqual(areas('Need to be able to attach alert endpoints to SLOs'), ['observability']);
    const t = 'Build admin interface for platform management, user administration, and monitoring.';
    assert.ok(!analyzeTask(t).signals.some((s) => s.kind === 'whole-system'));
    assert.equal(complexity('Build an e-commerce platform with auth, payments and inventory'), 'high');
  });
  it('copies kept in another region protect data; the system still runs in one (not extreme)', () => {
    assert.notEqual(complexity('Cross-region backups'), 'extreme');
    assert.equal(complexity('Cross-region failover for the API'), 'extreme');
  });
  it('replication between sites or a system spread over geographies runs across regions (§4 extreme)', () => {
    assert.equal(complexity('Cross-Site Replication for Group Replication'), 'extreme');
    assert.equal(complexity('Geographically distributed Postgres cluster'), 'extreme');
    assert.notEqual(complexity('Add a read replica for reporting'), 'extreme');
  });
  it('Dependabot, like Renovate, automates dependency updates (CI/CD); its security alerts are security', () => {
    assert.deepEqual(areas('Add Dependabot'), ['CI/CD']);
    assert.deepEqual(areas('Triage the Dependabot alerts'), ['security']);
  });
  it('what an artifact is "about" is its subject, as after "for" or "of"', () => {
    assert.deepEqual(areas('Expose metrics about the payments API'), ['observability']);
  });
  it('converting a monolith into microservices splits it (§4 extreme), as breaking it up does', () => {
    assert.equal(complexity('convert monolith to microservice'), 'extreme');
    assert.equal(complexity('Refactor the monolith into separate services'), 'extreme');
    assert.notEqual(complexity('Refactor the monolith\'s billing module'), 'extreme');
  });
  it('investigating or considering a move is strategy about it, not the move (§3, §4)', () => {
    const a = analyzeTask('Investigate moving to Heroku or similar (away from DigitalOcean)');
    assert.notEqual(a.strategy.kind, 'none');
    assert.notEqual(complexity('Investigate moving to Heroku or similar (away from DigitalOcean)'), 'extreme');
    assert.equal(analyzeTask('Investigate why the build is slow').strategy.kind, 'none');
  });
  it('an integration whose target another area names is that area\'s work; a bare integration is backend', () => {
    assert.deepEqual(areas('Integration with Dagster'), ['data pipelines']);
    assert.deepEqual(areas('Integration with time-series databases and other databases'), ['database']);
    assert.deepEqual(areas('Integration with Stripe'), ['backend']);
  });
  it('a workflow that tests, scans or deploys is a CI workflow', () => {
    assert.deepEqual(areas('Setup a Load Testing workflow with k6'), ['CI/CD', 'testing']);
    assert.deepEqual(areas('add an OWASP ZAP baseline workflow for manual runs'), ['CI/CD', 'security']);
    assert.deepEqual(areas('Approval workflow for refunds'), ['backend']);
  });
  it('storage-engine terms are database work', () => {
    assert.deepEqual(areas('Virtual hypertables compression support'), ['database']);
    assert.deepEqual(areas('Refresh the materialised view nightly'), ['database']);
  });
  it('an image being built, sized or published is a container image', () => {
    assert.deepEqual(areas('Multistage build for smaller image'), ['containers/kubernetes']);
    // (A process's user is the container's configuration.)
    assert.deepEqual(areas('The worker container runs as root'), ['containers/kubernetes']);
    assert.deepEqual(areas('Security issue: node is run as root'), ['containers/kubernetes', 'security']);
    assert.deepEqual(areas('feat: add workflow to publish pre-build image'), ['CI/CD', 'containers/kubernetes']);
    // (An image on a page is no container image.)
    assert.deepEqual(areas('Lazy-load the product images on the landing page'), ['frontend']);
  });
  it('hosts and their resources named without a cloud brand are infrastructure', () => {
    for (const t of ['Add swap to the droplet', 'Reduce the Azure bill', 'Set up object storage for uploads', 'Move to dedicated server']) assert.deepEqual(areas(t), ['infrastructure/cloud'], t);
    assert.deepEqual(areas('Set up backups for the VPS'), ['database', 'infrastructure/cloud']);
  });
  it('a benchmark is a compliance yardstick only beside a compliance word; otherwise it is a performance test', () => {
    assert.deepEqual(areas('Add benchmarks for serialization'), ['testing']);
    assert.equal(analyzeTask('Add benchmarks for serialization').strategy.kind, 'none');
    assert.equal(analyzeTask('Add FedRAMP Low and Moderate benchmarks').strategy.kind, 'strategy-only');
  });
  it('mapping a standard\'s controls or requirements is strategy-only (§3 control mapping); implementing them is work', () => {
    for (const t of ['Map SOC 2 controls to our current processes', 'Map our AWS setup to the NIST 800-53 controls', 'Create a control matrix for SOC 2', 'Document which PCI DSS requirements apply to the card flow'])
      assert.equal(analyzeTask(t).strategy.kind, 'strategy-only', t);
    assert.equal(analyzeTask('Implement the SOC 2 controls for access reviews in the admin API').strategy.kind, 'none');
    assert.equal(analyzeTask('Map the keyboard controls to the new layout').strategy.kind, 'none');
  });
  it('a shop built whole has its storefront (§4\'s own example of a whole product with two or more areas)', () => {
    assert.deepEqual(areas('Build an e-commerce platform with auth, payments and inventory'), ['backend', 'frontend']);
    assert.equal(complexity('Build an e-commerce platform with auth, payments and inventory'), 'high');
    assert.deepEqual(areas('Build an internal ML platform with a model-serving API'), ['backend', 'data pipelines']);
    assert.ok(!areas('Deploy the e-commerce platform with payments to production').includes('frontend'));
  });
  it('a new system rolled out to production is a whole system taken live (§4 high with two or more areas)', () => {
    assert.equal(complexity('Roll out the new billing system to production with monitoring and alerting'), 'high');
    assert.notEqual(complexity('Roll out the new billing system to staging with monitoring and alerting'), 'high');
    assert.notEqual(complexity('Roll out the billing service fix to production with monitoring'), 'high');
  });
  it('a cache beside CI work is the build cache; a word inside an identifier is no scope cue', () => {
    assert.deepEqual(areas('Cache dependencies in CI'), ['CI/CD']);
    assert.deepEqual(areas('Cache node_modules in the GitHub Actions workflow'), ['CI/CD']);
    assert.equal(complexity('Cache node_modules in the GitHub Actions workflow'), 'low');
    assert.deepEqual(areas('Add Redis caching to the API and deploy it with GitHub Actions'), ['CI/CD', 'backend', 'database']);
  });
  it('a snake_case name of a test names a test; a setting that starts with test does not', () => {
    assert.deepEqual(areas('Fix flaky test_login_timeout'), ['testing']);
    assert.deepEqual(areas('login_test fails on Windows'), ['testing']);
    assert.deepEqual(areas('Set the test_mode flag in config'), []);
    assert.deepEqual(areas('Rename TEST_DATABASE_URL'), []);
  });
  it('moving data out of memory or files into a store introduces the engine, it replaces none (§4)', () => {
    assert.notEqual(complexity('Move sessions from memory to Redis'), 'extreme');
    assert.notEqual(complexity('Migrate the data from JSON files to Postgres'), 'extreme');
    assert.equal(complexity('Move the database to PostgreSQL'), 'extreme');
  });
  it('a migration script for a schema object is one contained schema change; one moving data between engines is not', () => {
    assert.equal(complexity('Add a migration script for the new column'), 'low');
    assert.equal(complexity('Write a migration for the orders table index'), 'low');
    assert.equal(complexity('MySQL to PostgreSQL and vice versa migration script'), 'medium');
  });
});

describe('analyzer: a negation that describes how things are (seventh pass)', () => {
  it('a missing capability or a broken state is the work, not something to leave alone', () => {
    assert.deepEqual(areas('The system does not have any alerting mechanism based on error thresholds.'), ['observability']);
    assert.deepEqual(areas('ModelAdmin IndexView not keyboard navigable'), ['frontend']);
    assert.deepEqual(areas("Login doesn't support SAML"), ['backend']);
    // Exclusions stay exclusions.
    assert.deepEqual(areas('Add a REST API without changing the database'), ['backend']);
    assert.deepEqual(areas('Refactor the API, not the database'), ['backend']);
    assert.deepEqual(areas('Do not change the database schema'), []);
  });
  it('a verbless title with a negation or a layout symptom is a bug report, not a capability to build', () => {
    assert.equal(complexity("Toggle(s) in SettingsDialog/Appearance isn't positioned correctly on Mobile"), 'low');
    assert.equal(complexity('Overlapping Content in Navbar'), 'low');
    assert.equal(complexity('ModelAdmin IndexView not keyboard navigable'), 'low');
    assert.equal(complexity('Booking & scheduling'), 'medium');
    // (Lost or disappearing things are a bug report's symptom.)
    assert.equal(complexity('Lost tasks in a redis broker'), 'low');
    // (A verb-or-noun word before a comma is a list item: "Monitoring, Logging, and Observability Stack".)
    assert.equal(complexity('Monitoring, Logging, and Observability Stack'), 'medium');
    assert.equal(complexity('test: setup Playwright E2E tests for checkout flow'), 'low');
    // A title that improves what exists is no new capability.
    assert.equal(complexity('More robust backup/restore workflows'), 'low');
    // (After an issue title's label too; and a title naming improvements improves what exists.)
    assert.equal(complexity('UI: better pagination and data exploration'), 'low');
    assert.equal(complexity('Query speed optimisations'), 'low');
    assert.equal(complexity('Accessibility enhancements - Colour Contrast'), 'low');
  });
  it('transferring or shifting a running system to another host moves its hosting (§4 extreme)', () => {
    assert.equal(complexity('Transfer legacy.example.com to Hetzner'), 'extreme');
    assert.equal(complexity('We need to shift the deployment of the server to Google Cloud from the current platform.'), 'extreme');
    assert.notEqual(complexity('Optimize data transfer for substandard data center connectivity to edge nodes'), 'extreme');
    assert.equal(complexity('Shift the button to the left'), 'low');
  });
  it('a type checker\'s strict mode, a codebase refactor and a move to a language\'s next version are codebase-wide (§4 medium)', () => {
    assert.equal(complexity('We need to set TypeScript to strict mode.'), 'medium');
    assert.equal(complexity('Refactor the codebase to enable TS strict mode'), 'medium');
    assert.equal(complexity('Python 2.7 will be deprecated, so we should begin gradually transitioning to Python 3.'), 'medium');
    assert.equal(complexity('Enable strict mode in the config parser'), 'low');
  });
  it('a dashboard for a role of the app\'s users is a page of the product, not monitoring', () => {
    assert.deepEqual(areas('Enable administrators to view customized dashboards based on their role.'), ['backend', 'frontend']); // (the role decides access: backend too)
    assert.deepEqual(areas('Move admin search functionality into dashboard'), ['frontend']);
    assert.deepEqual(areas('Create a Grafana dashboard for queue latency'), ['observability']);
    assert.deepEqual(areas("Build a dashboard showing customers' error rates"), ['observability']);
  });
  it('a title that names a certification and nothing to do for it is the certification programme (§4 high)', () => {
    assert.equal(complexity('SOC 2 - Type 2'), 'high');
    assert.equal(complexity('ISO 27001 certification for the platform'), 'high');
    assert.notEqual(complexity('HIPAA compliant logging for the API'), 'high');
    assert.notEqual(complexity('SOC 2 readiness checklist'), 'high');
    assert.notEqual(complexity('HIPAA — Business Associate Agreement (BAA) template'), 'high');
  });
  it('moving between search engines replaces no database engine (the dev label of "Upgrade Elasticsearch to OpenSearch" is medium); migrating one is operating a store', () => {
    assert.equal(complexity('Migrate from Elasticsearch to OpenSearch for index datastore'), 'medium');
    assert.deepEqual(areas('Migrate from Elasticsearch to OpenSearch'), ['database']);
    assert.deepEqual(areas('Add Elasticsearch search to the products API'), ['backend']);
    assert.equal(complexity('Migrate from MySQL to PostgreSQL'), 'extreme');
  });
  it('an ELK/EFK stack gathers every service\'s logs (substantial); a title that opens with "Fix" stays a fix', () => {
    assert.equal(complexity('Setup some sort of ELK logging'), 'medium');
    assert.equal(complexity('Fix ELK index rotation'), 'low');
  });
  it('changing a running resource\'s count scales it (live, §5); a count in a file or a target inside code is not', () => {
    assert.equal(analyzeTask("We're going to raise the minimum dyno count.").liveOps.live, true);
    assert.equal(analyzeTask('Bump the worker replicas to 5 in production').liveOps.live, true);
    assert.equal(analyzeTask('Reduce the number of replicas in the Helm chart defaults').liveOps.live, false);
    assert.equal(analyzeTask('Add rate-limit for `/api/v1/domains`').liveOps.live, false);
    assert.equal(analyzeTask('Increase the log level on replicas').liveOps.live, false);
  });
  it('an investigation does not carry out the operation it looks into (§5)', () => {
    assert.equal(analyzeTask('Investigate using argo cd to deploy to our environments').liveOps.live, false);
    assert.equal(analyzeTask('Investigate why the deploy to production failed').liveOps.live, false);
    assert.equal(analyzeTask('Deploy the API to staging').liveOps.live, true);
  });
  it('"replace A with B" naming both as products replaces one technology with another, catalogued or not', () => {
    assert.equal(complexity('replace APScheduler with Celery beat'), 'medium');
    assert.equal(complexity('Replace the logo with a new one'), 'low');
  });
  it('a pipeline that runs tests is a CI pipeline; one that tests cover is the data pipeline', () => {
    assert.deepEqual(areas('Create a flaky test reproducer pipeline'), ['CI/CD', 'testing']);
    assert.deepEqual(areas('Add tests for the ETL pipeline'), ['data pipelines', 'testing']);
  });
  it('a section of a document or a checklist is a docs change of any subject (§3)', () => {
    assert.equal(analyzeTask('Add section on monitoring in Kubernetes').generalist, true);
    assert.equal(complexity('Adds a practical SOC 2 readiness checklist alongside the existing checklist'), 'low');
  });
  it('a web dashboard and a signup or onboarding flow are pages of the product', () => {
    assert.deepEqual(areas('Integrate Stripe for subscription billing on the web dashboard.'), ['backend', 'frontend']);
    assert.deepEqual(areas('Improve the onboarding flow for new teams'), ['frontend']);
  });
  it('an abbreviation defined in parentheses is not the catalogued technology of that name; a bill of materials is an SBOM', () => {
    assert.ok(!areas('Deploy latest NOS3 to AWS / NASA GSFC Mission Cloud Platform (MCP).').includes('backend'));
    assert.ok(analyzeTask('Deploy to the Mission Cloud Platform (MCP)').ignored.some((e) => e.rule.startsWith('abbreviation:')));
    assert.deepEqual(areas('Ship a machine-readable bill of materials with each release'), ['CI/CD', 'security']);
  });
  it('opening by adopting a named technology for a role is a technology choice (§6 architecture), not by itself a larger change', () => {
    const r = routeAnalysis(analyzeTask('Use Redis as cache to speed data retrieval and reduce the number of SQL queries'));
    assert.ok(r.personas.some((p) => p.persona === 'solution-architect'));
    assert.ok(!r.personas.some((p) => p.persona === 'product-manager'));
    assert.equal(complexity('Use Grafana Loki for logging'), 'low');
    assert.ok(!analyzeTask('Use presigned urls for uploads').concerns.some((c) => c.concern === 'architecture'));
  });
  it('plurals of acronyms stem to the acronym (APIs, VMs, UIs)', () => {
    assert.deepEqual(areas('Restrict access to admin UI and APIs'), ['backend', 'frontend']);
    assert.deepEqual(areas('Spin up two VMs'), ['infrastructure/cloud']);
  });
  it('moving from Docker Compose onto an orchestrator, or deprecating one in favour of another, moves the hosting (§4 extreme)', () => {
    assert.equal(complexity('Move from docker-compose to Kubernetes'), 'extreme');
    assert.equal(complexity('Deprecate Docker Compose in favor of Kubernetes'), 'extreme');
    assert.equal(complexity('Add a docker-compose file for local development'), 'low');
    assert.equal(complexity('Deprecate the v1 API in favor of v2'), 'low');
  });
  it('leaving a host for one not yet chosen moves the hosting (§4 extreme)', () => {
    assert.equal(complexity('Looks like heroku will not be free for us anymore so we need to find an alternative.'), 'extreme');
    assert.equal(complexity('Find an alternative to Moment.js'), 'low');
  });
  it('names a bug report uses: bundle size, a connection pooler, dynos, Google Play', () => {
    assert.deepEqual(areas('Investigate chunking for bundle size'), ['frontend']);
    assert.deepEqual(areas('Unable to connect connection pooler'), ['database']);
    assert.deepEqual(areas("We're going to raise the minimum dyno count."), ['infrastructure/cloud']);
  });
});

describe('analyzer: ninth pass', () => {
  it('a deployment process, script, workflow or step is what CI/CD builds, beside any other area', () => {
    assert.deepEqual(areas('Run database migrations automatically as part of deployment process'), ['CI/CD', 'database']);
    assert.deepEqual(areas('Take a Postgres backup in the deployment script'), ['CI/CD', 'database']);
    assert.deepEqual(areas('Seed the Postgres data in a separate deployment phase'), ['CI/CD', 'database']);
  });
  it('a payment provider named in a bug report is what the fix concerns, not an integration to build (§4 low)', () => {
    assert.equal(complexity('Stripe webhooks broken'), 'low');
    assert.equal(complexity('Recent changes broke PayPal checkout'), 'low');
    assert.equal(complexity('Stripe webhooks for subscription billing'), 'medium');
    assert.equal(complexity('Break up the payments module'), 'low');
  });
  it('the app\'s content kept in object storage is its storage backend and the bucket (backend + infrastructure), not a live operation; a bucket for some content is the bucket', () => {
    assert.deepEqual(areas('Allow the admin to store images in S3 rather than locally'), ['backend', 'infrastructure/cloud']);
    assert.deepEqual(areas('Migrate profile pictures to S3'), ['backend', 'infrastructure/cloud']);
    assert.deepEqual(areas('Add S3 MediaBackend'), ['backend', 'infrastructure/cloud']);
    assert.equal(analyzeTask('Store uploaded attachments in S3').liveOps.live, false);
    assert.deepEqual(areas('Enable versioning on the S3 bucket for uploads'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Add an S3 bucket for the Terraform state'), ['infrastructure/cloud']);
  });
  it('Redis as the app\'s cache or session store is the caching code and the store (backend + database); as a job broker it is backend', () => {
    assert.deepEqual(areas('Add a Redis caching layer for the catalog endpoints'), ['backend', 'database']);
    assert.deepEqual(areas('Store sessions in Redis'), ['backend', 'database']);
    assert.deepEqual(areas('Move background jobs to Celery with Redis as the broker'), ['backend']);
  });
  it('building or running a data pipeline is an integration between systems (§4 medium); adding to or changing one is not', () => {
    assert.equal(complexity('New Airflow DAG: ingest Salesforce accounts into Snowflake nightly'), 'medium');
    assert.equal(complexity('Set up automated model retraining'), 'medium');
    assert.equal(complexity('Add support for the dbt marketing models on Snowflake'), 'medium');
    assert.equal(complexity('Add tasks to load from GCS to BigQuery'), 'low');
    assert.equal(complexity('improve airflow dag'), 'low');
    assert.equal(complexity('Airflow DAG fails on empty partitions'), 'low');
  });
  it('a dashboard nothing ties to monitoring or platform work is a page of the product; with metrics or beside platform work it is monitoring', () => {
    assert.deepEqual(areas('Show number of events in dashboard overview'), ['frontend']);
    assert.deepEqual(areas('Add Grafana dashboard for checkout latency'), ['observability']);
    assert.deepEqual(areas('Add a k6 load test and a dashboard for its results'), ['observability', 'testing']);
  });
  it('an app that crashes, freezes or force-closes is the client app (frontend)', () => {
    assert.deepEqual(areas('app crashes while opening camera'), ['frontend']);
    assert.deepEqual(areas('App force closes when opening the settings'), ['frontend']);
  });
  it('PostGIS and Cloud SQL written as one word are databases', () => {
    assert.deepEqual(areas('Upgrade to PostGIS 3.5'), ['database']);
    assert.deepEqual(areas('Raise the cloudsql connection limit'), ['database']);
  });
  it('moving something to a new, production or more performant server moves its hosting (§4 extreme); moving code to the server does not', () => {
    assert.equal(complexity('Move Wikis to a more performant server'), 'extreme');
    assert.equal(complexity('finish move to new production server'), 'extreme');
    assert.equal(complexity('Move form validation to the server'), 'low');
  });
  it('"so" with a short subject and an enabling modal opens a purpose clause ("so I can launch…"); "so we should…" draws a consequence', () => {
    assert.equal(analyzeTask('As a developer I want production quality infrastructure so I can launch an open beta').liveOps.live, false);
    assert.equal(complexity('Python 2.7 will lose support, so we should begin transitioning to Python 3'), 'medium');
  });
  it('migration, upgrade or installation notes are a document (§3 generalist docs, §4 not extreme)', () => {
    assert.equal(complexity('Add EKS migration notes'), 'low');
    assert.deepEqual(areas('Add EKS migration notes'), []);
  });
  it('moving a server to another host moves the hosting (§4 extreme, infrastructure); moving servers to another OS upgrades them in place', () => {
    assert.equal(complexity('Migrate US server to new provider'), 'extreme');
    assert.deepEqual(areas('Migrate US server to new provider'), ['infrastructure/cloud']);
    assert.notEqual(complexity('Migrate the servers to Ubuntu 24.04'), 'extreme');
    assert.equal(complexity('Move validation to the server'), 'low');
  });
  it('a PR, merge or quality gate is a CI check', () => {
    assert.deepEqual(areas('add dependency vulnerability PR gate'), ['CI/CD', 'security']);
  });
  it('a verbless monitoring title naming dashboards, panels, alerts or SLOs names artifacts made one by one, not a capability (§4 low)', () => {
    assert.equal(complexity('SLO burn rate'), 'low');
    assert.equal(complexity('Grafana dashboard with SLA for each service'), 'low');
    assert.equal(complexity('Full observability stack (metrics/traces/log correlation)'), 'medium');
  });
  it('one database engine "instead of" another replaces the engine (§4 extreme), unless it is for something new or a cache', () => {
    assert.equal(complexity('Use postgres instead of mongodb'), 'extreme');
    assert.notEqual(complexity('Use PostgreSQL instead of MySQL for the new orders service'), 'extreme');
    assert.notEqual(complexity('Store sessions in Redis instead of Postgres'), 'extreme');
  });
  it('an endpoint beside monitoring serves metrics or is watched (observability), not an API to build', () => {
    assert.deepEqual(areas('Add endpoint to serve Prometheus metrics'), ['observability']);
    assert.deepEqual(areas('Add a REST endpoint for invoices'), ['backend']);
  });
  it('cert-manager and Kyverno are Kubernetes add-ons (Kyverno a policy engine, so security too)', () => {
    assert.deepEqual(areas('Introduce cert-manager in the Helm values'), ['containers/kubernetes']);
    assert.deepEqual(areas('Image verification with Cosign and Kyverno'), ['containers/kubernetes', 'security']);
  });
  it('security scanning or signing in a pipeline or for releases is CI/CD as well as security', () => {
    assert.deepEqual(areas('Add trivy security scan to project pipeline'), ['CI/CD', 'security']);
    assert.deepEqual(areas('Sign the image using cosign when making releases.'), ['CI/CD', 'security']);
    assert.ok(!areas('Run an OWASP ZAP scan against the staging site').includes('CI/CD'));
  });
  it('an error tracker "in" a part of the app is an SDK put into that code (that area too); a dashboard for it covers it', () => {
    assert.deepEqual(areas('Use sentry in frontend'), ['frontend', 'observability']);
    assert.deepEqual(areas('Add optional error trackers in the backend and frontend'), ['backend', 'frontend', 'observability']);
    assert.deepEqual(areas('Add Grafana dashboard for the frontend'), ['observability']);
  });
  it('Prow is a CI system; a cloud deployment is built (CI/CD) on cloud resources (infrastructure)', () => {
    assert.deepEqual(areas('Create Grafana dashboards for Prow'), ['CI/CD', 'observability']);
    assert.deepEqual(areas('Cloud deployment of services'), ['CI/CD', 'infrastructure/cloud']);
  });
  it('completing a standard\'s audit, or its audit or assessment being complete, achieves the certification (§4 high)', () => {
    assert.equal(complexity('Complete SOC 2 audit'), 'high');
    assert.equal(complexity('SOC 2 Type I assessment complete'), 'high');
    assert.equal(complexity('ISO27001 Gap Assessment'), 'low');
  });
  it('a user feature of signing in or being notified is backend work of substantial scope, no screen of the app unless one is named', () => {
    assert.deepEqual(areas('As a user I want to sign in with my Google account'), ['backend']);
    assert.equal(complexity('As a user I want to sign in with my Google account'), 'medium');
    assert.deepEqual(areas('As a mobile user, I want to log in using biometrics'), ['backend', 'frontend']);
    assert.deepEqual(areas('Allow users to manage their payment methods'), ['backend', 'frontend']);
  });
  it('"kube" is short for Kubernetes', () => {
    assert.deepEqual(areas('Run the importer on kube'), ['containers/kubernetes']);
    assert.deepEqual(areas('Add Grafana dashboards for our kube nodes'), ['containers/kubernetes', 'observability']);
  });
});

describe('analyzer: robustness', () => {
  it('handles empty, non-Latin and very long texts (linear time)', () => {
    assert.equal(analyzeTask('').generalist, true);
    assert.equal(analyzeTask('日本語のタスク').areas.length, 0);
    const big = 'Replace MySQL with Postgres and add Grafana dashboards for the API, migrate to Kubernetes. '.repeat(1100);
    const a = analyzeTask(big);
    assert.ok(a.areas.length > 0);
  });
});

describe('analyzer: tenth pass', () => {
  const concerns = (t: string): string[] => analyzeTask(t).concerns.map((c) => c.concern);
  it('a key-value store backing a rate limiter is the backend\'s mechanism; named as a running cluster it is operated too', () => {
    assert.deepEqual(areas('Rate limit the login endpoint with Redis'), ['backend']);
    assert.equal(complexity('Rate limiting via Redis is broken'), 'low');
    assert.deepEqual(areas('Add a throttling middleware backed by Valkey'), ['backend']);
    assert.deepEqual(areas('Rate limiting for the public API and a Redis cluster'), ['backend', 'database']);
    assert.deepEqual(areas('Raise the Redis memory limit'), ['database']);
  });
  it('a key-value store taken on as the app\'s cache or session store is caching-layer design (§6 architecture)', () => {
    assert.ok(concerns('Cache search results in Redis').includes('architecture'));
    assert.ok(concerns('Keep user sessions in Redis').includes('architecture'));
    assert.ok(!concerns('Move background jobs to a Redis queue').includes('architecture'));
  });
  it('a switch or move in the "when …" clause of a bug report is what the user was doing, not work asked for', () => {
    assert.equal(complexity('Player crashes when switching from light to dark theme'), 'low');
    assert.ok(!concerns('Player crashes when switching from light to dark theme').includes('architecture'));
    assert.equal(complexity('Switch from light theme to the new design system'), 'medium');
  });
  it('push notifications land in an app on a device: frontend beside the backend, the app alone when one does not arrive or is handled there', () => {
    assert.deepEqual(areas('Send push notifications when a parcel ships'), ['backend', 'frontend']);
    assert.deepEqual(areas('Send push notifications from the backend when a parcel ships'), ['backend']);
    assert.deepEqual(areas('Push notifications are never received on Android 14'), ['frontend']);
    assert.equal(complexity('Tapping a push notification opens the wrong chat'), 'low');
    assert.deepEqual(areas('Tapping a push notification opens the wrong chat'), ['frontend']);
  });
  it('an app that works offline and syncs syncs with a server: backend beside the app', () => {
    assert.deepEqual(areas('Android app: offline editing with background sync'), ['backend', 'frontend']);
    assert.deepEqual(areas('Android app: offline editing'), ['frontend']);
  });
  it('single sign-on for the organisation\'s own services or infrastructure is identity infrastructure, and technology work at L1, not a product feature', () => {
    const l1 = (t: string): string[] => routeAnalysis(analyzeTask(t)).personas.filter((p) => p.layer === 'L1').map((p) => p.persona);
    assert.deepEqual(areas('Single sign-on for our internal tools'), ['backend', 'infrastructure/cloud']);
    assert.deepEqual(l1('Single sign-on for our internal tools'), ['solution-architect']);
    assert.deepEqual(areas('Add SAML SSO for enterprise customers'), ['backend']);
    assert.deepEqual(l1('Add SAML SSO for enterprise customers'), ['product-manager']);
    assert.ok(!areas('Login returns an internal server error with SAML SSO').includes('infrastructure/cloud'));
  });
  it('message brokers: NATS is messaging, not a NAT gateway; Kafka with nothing of a pipeline beside it carries the app\'s events too', () => {
    assert.deepEqual(areas('Publish order events to NATS'), ['backend']);
    assert.deepEqual(areas('Add a NAT gateway to the private subnets'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Emit audit events to Kafka'), ['backend', 'data pipelines']);
    assert.deepEqual(areas('Kafka ingestion pipeline for clickstream'), ['data pipelines']);
    assert.deepEqual(areas('Raise the retention of the Kafka topic'), ['data pipelines']);
  });
  it('a mechanism or migration scenarios a product offers its users are a feature, not a migration of the system (§4 not extreme)', () => {
    assert.equal(complexity('Mechanism to migrate tenants between regions'), 'medium');
    assert.equal(complexity('Support more migration scenarios like MySQL to PostgreSQL'), 'medium');
    assert.equal(complexity('Migrate from MySQL to PostgreSQL'), 'extreme');
  });
  it('Render and Fly are hosting platforms when written as names in a move: a hosting migration (§4 extreme); the verb "render" is not', () => {
    assert.equal(complexity('Move our API to Render'), 'extreme');
    assert.equal(complexity('Migrate the blog to run on Fly'), 'extreme');
    assert.ok(!analyzeTask('Move the map to render after the data loads').signals.some((s) => s.kind === 'migration'));
  });
  it('what a person sees on screen is the app\'s frontend when nothing else names an area; a wish or an explanation is not', () => {
    assert.deepEqual(areas('Dates show wrong year after midnight'), ['frontend']);
    assert.deepEqual(areas('Teachers should be able to see every submission at once'), ['frontend']);
    assert.deepEqual(areas('Better visualization of long task lists'), ['frontend']);
    assert.deepEqual(areas('I would love to see support for this'), []);
    assert.deepEqual(areas('Show how to use the tool in the README'), []);
  });
  it('the device camera and an app store name the mobile app (frontend)', () => {
    assert.deepEqual(areas('Camera preview freezes on rotate'), ['frontend']);
    assert.deepEqual(areas('Crash on first start after an update from the Google store'), ['frontend']);
  });
  it('backups of object storage or across regions are infrastructure work; backups stored in S3 are the database\'s', () => {
    assert.deepEqual(areas('Nightly MySQL and S3 backups'), ['database', 'infrastructure/cloud']);
    assert.deepEqual(areas('Cross-region backups of the orders database'), ['database', 'infrastructure/cloud']);
    assert.deepEqual(areas('Automated database backups to S3'), ['database']);
  });
  it('a named technology inside a snake_case name is code of that technology; other words there stay part of the name', () => {
    assert.deepEqual(areas('Speed up airflow_to_bq_export.py'), ['data pipelines']);
    assert.ok(analyzeTask('Rotate TMDB_API_KEY').ignored.some((e) => e.rule.startsWith('identifier-part:')));
  });
  it('a page that is slow to load names where the symptom shows, not UI work: a generalist fix', () => {
    assert.deepEqual(areas('The admin dashboard takes 20 seconds to load'), []);
    assert.deepEqual(areas('The admin dashboard needs a date picker'), ['frontend']);
    assert.deepEqual(areas('The React settings page is slow to load'), ['frontend']);
  });
  it('a container crash-looping is a Kubernetes symptom', () => {
    assert.deepEqual(areas('Worker keeps crash looping after the config change'), ['containers/kubernetes']);
  });
  it('a container image scanned or signed in a pipeline or a release is what the security check runs on, not container work', () => {
    assert.deepEqual(areas('Scan the Docker image with Grype in the CI pipeline'), ['CI/CD', 'security']);
    assert.deepEqual(areas('Add container vulnerability checks'), ['containers/kubernetes', 'security']);
    assert.deepEqual(areas('Enable vulnerability scanning on the ECR registry'), ['security']);
  });
  it('vulnerability records a product lists or exports are its data, not security work on the system', () => {
    assert.deepEqual(areas('Export the CVE list per project'), ['backend']);
    assert.deepEqual(areas('Patch the CVEs in the base image'), ['containers/kubernetes', 'security']);
  });
  it('signed artifacts, releases, commits or packages are supply-chain security', () => {
    assert.deepEqual(areas('Publish signed artifacts from the release workflow'), ['CI/CD', 'security']);
    assert.deepEqual(areas('Require signed commits on main'), ['security']);
  });
  it('further regulations and certification schemes (EUCS, BSI C5, NIS2, TISAX…) are compliance concerns', () => {
    const concerns = (t: string): string[] => analyzeTask(t).concerns.map((c) => c.concern);
    assert.ok(concerns('Map our controls to BSI C5 and EUCS').includes('compliance'));
    assert.ok(concerns('Prepare the platform for NIS2').includes('compliance'));
    // (DORA is also the DevOps metrics: not a compliance word.)
    assert.ok(!concerns('Add a DORA metrics dashboard').includes('compliance'));
  });
  it('moving onto an infrastructure-as-code tool changes how the infrastructure is described, not where the system runs (§4 not extreme)', () => {
    assert.equal(complexity('Move our Heroku setup to Terraform'), 'medium');
    assert.equal(complexity('Move our Heroku app to AWS'), 'extreme');
  });
  it('moving onto a named technology chooses it, though the one left is unnamed (architecture concern, §4 substantial)', () => {
    assert.equal(complexity('We plan to move to Buildkite next quarter'), 'medium');
    assert.ok(analyzeTask('We plan to move to Buildkite next quarter').concerns.some((c) => c.concern === 'architecture'));
    assert.ok(!analyzeTask('Move to the settings page after login').concerns.some((c) => c.concern === 'architecture'));
  });
  it('a blog announcing or an announcement post is a document, whatever it is about', () => {
    assert.equal(complexity('Blog announcing our move from Heroku to AWS'), 'low');
    assert.equal(complexity('Move from Heroku to AWS'), 'extreme');
  });
  it('asserting is testing', () => {
    assert.deepEqual(areas('assert that every worker reports ready'), ['testing']);
  });
  it('a filter, search or text box is a UI element (frontend)', () => {
    assert.deepEqual(areas('Add a search box to the header'), ['frontend']);
  });
});

describe('analyzer: eleventh pass', () => {
  it('a project\'s plural "migrations" that move nothing are its schema migration files: database work, no re-platforming', () => {
    assert.notEqual(complexity('make migrations self-host replica compatible'), 'extreme');
    assert.ok(areas('Migrations should be run in Fargate').includes('database'));
    assert.ok(areas('Run migrations as an ordered deployment phase').includes('database'));
    assert.equal(complexity('Finish the migrations of our services to AWS'), 'extreme');
    assert.ok(!areas('Add Snowflake as a new supported data source for migrations').includes('database'));
  });
  it('presubmit and postsubmit jobs are CI jobs (Prow\'s kinds)', () => {
    assert.deepEqual(areas('Add a presubmit that runs the linters'), ['CI/CD']);
    assert.deepEqual(areas('Postsubmit jobs time out on arm64'), ['CI/CD']);
  });
  it('a provider named by its kind (email, SMS, notification, payment, identity) and card payments are an external system to integrate (§4 medium)', () => {
    assert.equal(complexity('Change Transactional Email Provider'), 'medium');
    assert.equal(complexity('Add notification provider seven.io'), 'medium');
    assert.equal(complexity('Implement direct tokenization of card data'), 'medium');
    assert.equal(complexity('Add an email template for password resets'), 'low');
  });
  it('support added "to" a named system, or "<name> support" added, integrates it as "support for <name>" does (§4)', () => {
    assert.equal(complexity('Add support to Hetzner'), 'medium');
    assert.equal(complexity('Add ScyllaDB support'), 'medium');
    assert.equal(complexity('Add support for Hetzner'), 'medium');
    assert.equal(complexity('Fix ScyllaDB support docs link'), 'low');
  });
  it('"API" or "endpoint" after another area\'s product name is that product\'s interface, not the app\'s backend', () => {
    assert.deepEqual(areas('Move DNS to point to the CloudFront endpoint.'), ['infrastructure/cloud']);
    assert.ok(!areas('Add support for BigQuery Storage Write API').includes('backend'));
    assert.ok(areas('Create DB migrations & api routes').includes('backend'));
    assert.ok(areas('Add a Stripe checkout and an orders API').includes('backend'));
  });
  it('an event broker used for messaging between services is the app\'s message broker: backend alone', () => {
    assert.deepEqual(areas('event sourcing (e.g. Axon + Kafka)'), ['backend']);
    assert.deepEqual(areas('A service that consumes order events from Kafka'), ['backend']);
    assert.deepEqual(areas('It should be possible to push events into Kafka'), ['backend', 'data pipelines']);
  });
  it('a recovery objective is a hard constraint only as a numeric target (§4)', () => {
    assert.notEqual(complexity('Backups, restore test, disaster-recovery rehearsal (RPO/RTO)'), 'extreme');
    assert.equal(complexity('Implement changes to the production infrastructure to meet an RTO of 2 hours and an RPO of 1 hour across regions'), 'extreme');
  });
  it('clusters a deployment goes to are the container platform\'s, unless another technology names them', () => {
    assert.deepEqual(areas('Deploy services to multiple zonal clusters in the same region').sort(), ['CI/CD', 'containers/kubernetes']);
    assert.deepEqual(areas('Deploy the app to the staging cluster').sort(), ['CI/CD', 'containers/kubernetes']);
    assert.ok(!areas('Deploy the Kafka cluster to production').includes('containers/kubernetes'));
    assert.ok(!areas('Deploy a Vault cluster').includes('containers/kubernetes'));
  });
  it('a snapshot is a copy of data unless snapshot tests are named', () => {
    assert.ok(!areas('Take a snapshot of the data volume before the upgrade').includes('testing'));
    assert.deepEqual(areas('Add snapshot tests for the header component'), ['testing']);
  });
  it('vocabulary: GovCloud is cloud infrastructure, Confluent and Amazon MSK are streaming; a gerund opening a title is its verb', () => {
    assert.deepEqual(areas('Updating for GovCloud compatibility'), ['infrastructure/cloud']);
    assert.equal(complexity('Updating for GovCloud compatibility'), 'low');
    assert.deepEqual(areas('Move topics from Confluent to Amazon MSK'), ['data pipelines']);
  });
  it('a cloud vendor\'s own product ("AWS Marketplace") is no whole product being built', () => {
    assert.notEqual(complexity('Evaluate Confluent Cloud Pay As You Go (AWS Marketplace) + Terraform Setup'), 'high');
    assert.equal(complexity('Build a marketplace with Stripe payments and a React storefront'), 'high');
  });
  it('adding something beside a named cloud resource writes code or configuration; it carries no operation out on a live system (§5)', () => {
    assert.equal(analyzeTask('Add secret variables to AWS Secrets Manager').liveOps.live, false);
    assert.equal(analyzeTask('Add e2e test for Azure Service Bus scaler (Queue)').liveOps.live, false);
    assert.equal(analyzeTask('Enable versioning on the production S3 bucket').liveOps.live, true);
  });
  it('a secrets or identity platform deployed on its own is a platform deployed whole (§4 high, dev-109)', () => {
    assert.equal(complexity('Deploy production HashiCorp Vault'), 'high');
    assert.equal(complexity('Deploy Keycloak'), 'high');
    assert.notEqual(complexity('Deploy Keycloak to the staging cluster'), 'high');
    assert.notEqual(complexity('Read Vault secrets from ENV'), 'high');
    assert.notEqual(complexity('Deploy ArgoCD with Terraform'), 'high');
  });
  it('a production launch or go-live named as the work deploys the system to production: CI/CD too', () => {
    assert.ok(areas('Execute the production launch of the billing app with monitoring and incident response').includes('CI/CD'));
    assert.equal(complexity('Execute the production launch of the billing app with monitoring and incident response'), 'high');
    assert.ok(!areas('Plan the production launch of the billing app').includes('CI/CD'));
  });
  it('"Plan" before its object plans, even where billing words make other plans pricing plans', () => {
    assert.equal(analyzeTask('Plan the migration of the billing app to AWS').strategy.kind !== 'none', true);
    assert.equal(analyzeTask('Plan tiers for billing').strategy.kind, 'none');
  });
  it('a named web application stack (MERN, MEAN, LAMP) is a whole application', () => {
    assert.equal(complexity('Deploy MERN Stack on AWS EC2'), 'high');
    assert.equal(complexity('Deploy the API on AWS EC2'), 'medium');
  });
  it('moving a system to another platform or host re-platforms it (§4 extreme)', () => {
    assert.equal(complexity('Migrating the pipeline to another platform'), 'extreme');
    assert.notEqual(complexity('Integrate with another platform for payments'), 'extreme');
  });
  it('a secrets platform deployed on its own runs on servers of its own (infrastructure); an identity server is the application\'s', () => {
    assert.ok(areas('Deploy production HashiCorp Vault').includes('infrastructure/cloud'));
    assert.ok(!areas('Deploy Keycloak').includes('infrastructure/cloud'));
  });
  it('vocabulary: Salt master and minions are host configuration (infrastructure); "guard duty" is AWS GuardDuty (security)', () => {
    assert.deepEqual(areas('upgrade to using Python3 Salt Master & Minions'), ['infrastructure/cloud']);
    assert.deepEqual(areas('enable guard duty'), ['security']);
  });
  it('row-level security policies are database objects, not a policy document', () => {
    assert.deepEqual(areas('Add RLS Row Level Security Policies'), ['database']);
    assert.equal(analyzeTask('Add RLS Row Level Security Policies').strategy.kind, 'none');
  });
  it('a restore, recovery or failover test is an operations drill on a running system, not software testing', () => {
    assert.ok(!areas('Backups, restore test, disaster-recovery rehearsal').includes('testing'));
    assert.ok(areas('Add integration tests for the backup service').includes('testing'));
  });
  it('deprecating running hosts takes them out of service: a live operation', () => {
    assert.equal(analyzeTask('Deprecating sirius and castor hosts').liveOps.live, true);
    assert.equal(analyzeTask('Deprecate the v1 API').liveOps.live, false);
  });
  it('moving a named cloud resource is an operation on it (§5 live)', () => {
    assert.equal(analyzeTask('moving the s3 bucket').liveOps.live, true);
    assert.equal(analyzeTask('Move DNS to point to the CloudFront endpoint.').liveOps.live, true);
    assert.equal(analyzeTask('Move the search box into the header').liveOps.live, false);
  });
  it('preparing for a migration does not carry it out (not extreme), though the move stays an architecture concern', () => {
    assert.equal(complexity('Prepare for Hetzner migration'), 'medium');
    assert.ok(analyzeTask('Prepare for Hetzner migration').concerns.some((c) => c.concern === 'architecture'));
    assert.equal(complexity('Migrate to Hetzner'), 'extreme');
  });
  it('a module for a migration is migration tooling (not extreme)', () => {
    assert.equal(complexity('Module to migrate self hosted workspace to cloud'), 'medium');
  });
  it('giving a search engine up for the database\'s own text search moves a feature; it replaces no database engine', () => {
    assert.equal(complexity('Convert to using Postgres text search capabilities - replacing Elasticsearch'), 'medium');
    assert.equal(complexity('Migrate the orders database to PostgreSQL'), 'extreme');
  });
  it('a compliance or governance requirement the work is to meet is its goal, not a strategy-only deliverable', () => {
    const t = 'Add support for Google Cloud SQL Microsoft SQL Server 2022 to Liquibase to meet governance and compliance requirements for officially supported database versions.';
    assert.notEqual(analyzeTask(t).strategy.kind, 'strategy-only');
    assert.ok(areas(t).includes('database'));
    assert.equal(analyzeTask('Document the compliance requirements for SOC 2').strategy.kind !== 'none', true);
  });
  it('a hosting word inside code (a host name in backticks) moves nothing between hosts', () => {
    assert.notEqual(complexity('Move to using `$region.storage.example.com` instead of `example.org` DNS names'), 'extreme');
    assert.equal(complexity('Move the storage to another region'), 'extreme');
  });
  it('a database engine a migration goes "in favour of" is its destination (§4 extreme: replacing the engine)', () => {
    assert.equal(complexity('Migrate off of Tokyo Tyrant/Cabinet in favour of Postgres'), 'extreme');
    assert.equal(complexity('Move off of CouchDB in favor of MySQL'), 'extreme');
  });
  it('vocabulary: structured-logging libraries are observability; Android SDK settings are the app\'s (frontend)', () => {
    assert.deepEqual(areas('Add zerolog support to the HTTP middleware'), ['observability']);
    assert.deepEqual(areas('Switch the service logger from logrus to slog'), ['observability']);
    assert.deepEqual(areas('targetSdk was updated, which crashes because the activity isn\'t exported'), ['frontend']);
  });
  it('autoscaling beside Kubernetes scales pods: the container platform\'s, not cloud infrastructure of its own', () => {
    assert.deepEqual(areas('add KEDA ScaledObject for worker autoscaling'), ['containers/kubernetes']);
    assert.equal(complexity('add KEDA ScaledObject for worker autoscaling'), 'low');
    assert.deepEqual(areas('Enable autoscaling on the EC2 web tier'), ['infrastructure/cloud']);
  });
  it('vocabulary: an ACME DNS-01 challenge is DNS work (infrastructure)', () => {
    assert.ok(areas('Cert-manager DNS01 Challenge').includes('infrastructure/cloud'));
  });
});

describe('analyzer: twelfth pass', () => {
  it('a platform a deployment goes "to" is where it runs, not a whole product being built (§4 high)', () => {
    assert.notEqual(complexity('As a Dev, I want a production build of the dashboard so I can deploy it to my preferred hosting platform'), 'high');
    assert.equal(complexity('Deploy latest NOS3 to AWS / NASA GSFC Mission Cloud Platform (MCP).'), 'medium');
    assert.equal(complexity('Deploy the platform to production on Kubernetes'), 'high');
  });
  it('a word\'s everyday sense, chosen by its neighbour: a barcode scanner, an image file, training classes', () => {
    assert.deepEqual(areas('Add a barcode scanner to the inventory page'), ['frontend']);
    assert.ok(!areas('download the timetable as a image file').includes('containers/kubernetes'));
    assert.ok(!areas('As an owner, I want a check-in page for my training classes').includes('data pipelines'));
    assert.deepEqual(areas('Reduce image size'), ['containers/kubernetes']);
    assert.deepEqual(areas('Add a vulnerability scanner to CI').sort(), ['CI/CD', 'security']);
  });
  it('syncing data with other systems as the whole work, no area named, is backend integration work', () => {
    assert.deepEqual(areas('Synchronize data with other fitness trackers'), ['backend']);
    assert.equal(complexity('Synchronize data with other fitness trackers'), 'medium');
    assert.deepEqual(areas('Sync the Grafana dashboards'), ['observability']);
    assert.deepEqual(areas("Don't sync"), []);
  });
  it('producing the evidence a compliance audit asks for is substantial, even as a plan or a document; a guide or arranging the audit is not', () => {
    assert.equal(complexity('Formal compliance evidence packs (HIPAA/SOC2 readiness artifacts)'), 'medium');
    assert.equal(complexity('Prepare all documentation and controls required for HIPAA compliance audit.'), 'medium');
    assert.equal(complexity('add comprehensive SOC 2 Type I audit documentation package'), 'medium');
    const plan = routeAnalysis(analyzeTask('add comprehensive SOC 2 Type I audit documentation package'));
    assert.deepEqual(plan.personas.map((p) => p.persona).sort(), ['security-strategist', 'system-overseer']);
    assert.equal(complexity('Add SOC2 docs'), 'low');
    assert.equal(complexity("Organise External Audit of DWYL's infoSec Controls to prep for ISO Certification"), 'low');
  });
  it('a query parameter is part of a URL, and a GitHub or Dependabot alert reports a vulnerability: not a database query or a monitoring alert', () => {
    assert.deepEqual(areas('Redirect after authentication from query parameter'), ['backend']);
    assert.deepEqual(areas('There was a GitHub alert regarding a CVE in lodash, but npm found a few other packages to upgrade.'), ['security']);
    assert.ok(areas('Add an alert when the error rate exceeds 5%').includes('observability'));
    assert.ok(areas('Slow query on the orders table').includes('database'));
  });
  it('certification tests, a move between release stages and a package path as the title\'s label are no certification, migration or multi-region work', () => {
    assert.equal(complexity('The Azure Service Bus Queues pubsub component requires certification tests to be moved from Beta to Stable.'), 'medium');
    assert.equal(complexity('Move the API from beta to stable'), 'low');
    assert.equal(complexity('Move from Heroku to AWS'), 'extreme');
    assert.equal(complexity('Achieve SOC 2 certification'), 'high');
    assert.equal(complexity('sql/multiregion: support per-super-region survival goals'), 'medium');
    assert.equal(complexity('Multi-Region/Cross-Region Replication for the REST API'), 'extreme');
  });
  it('a provider named in a bug report\'s "When using …" scenario is where the behaviour shows, not one to integrate', () => {
    assert.equal(complexity('When using "Make direct payment" the credit card number is sent via POST request to the customers server.'), 'low');
    assert.equal(complexity('Let customers pay by credit card'), 'medium');
  });
  it('"in (the) style of" compares and styles nothing; the verb after "Ability to" is what a user does, not a strategy verb', () => {
    assert.deepEqual(areas('Possibility of authenticating against an external IdP via OpenID Connect, and management of permissions maybe in style of RBAC?'), ['backend']);
    assert.equal(analyzeTask('Ability to select submission fields to export to csv').strategy.kind, 'none');
    assert.notEqual(analyzeTask('Select a vector database for the search feature').strategy.kind, 'none');
  });
  it('a cloud\'s name opening another area\'s product name ("Azure Pipelines") is no host; containerization is container work', () => {
    assert.equal(complexity('Replace Jenkins with Azure Pipelines'), 'medium');
    assert.equal(complexity('Move from Heroku to Azure App Service'), 'extreme');
    assert.deepEqual(areas('Containerization of a React app'), ['containers/kubernetes']);
  });
  it('a move given as the reason ("due to Data center move") is not the work', () => {
    assert.equal(complexity('Add downtime for NEBRASKA_NRP_OSDF_CACHE due to Data center move'), 'low');
    assert.equal(complexity('Move the cache servers to the new data center'), 'extreme');
  });
  it('"Policy" inside a hyphenated header name (Referrer-Policy, Permissions-Policy) is no policy document or compliance concern', () => {
    const text = 'Add HSTS, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Referrer-Policy, and Permissions-Policy headers to all HTTP responses.';
    assert.deepEqual(areas(text), ['security']);
    assert.equal(complexity(text), 'low');
    assert.equal(analyzeTask('Develop a data retention policy for reports and artifacts').strategy.kind, 'strategy-only');
  });
  it('vocabulary: load-balanced setups (infrastructure), DNS routing policies, error aggregation, map tile providers and UI mockups', () => {
    assert.deepEqual(areas('Multiple loadbalanced Jitsi Meet setups'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Add support for latency routing policy'), ['infrastructure/cloud']);
    assert.deepEqual(areas('Add optional error aggregation for hosted deployments'), ['observability']);
    assert.deepEqual(areas('Change tile provider from tile.openstreetmap.org'), ['frontend']);
    assert.deepEqual(areas('Mockup and Design for Marketplace'), ['frontend']);
  });
  it('"Planning to <verb>" opening a title is an intention, as "We are planning to …" is: the work is the verb', () => {
    assert.equal(complexity('Planning to move to host on our Kube cluster for now.'), 'extreme');
    assert.notEqual(analyzeTask('Planning the migration to Kubernetes').strategy.kind, 'none');
  });
  it('an old or legacy server is a host a move leaves (§4 extreme)', () => {
    assert.equal(complexity('DB is still on old server, needs to be moved before it is shut down.'), 'extreme');
    assert.equal(complexity('Clean up RTK legacy server configuration'), 'low');
  });
  it('"replace A with B" with one-word names of one area\'s vocabulary swaps one technology for another, written in lower case too (§4 medium)', () => {
    assert.equal(complexity('Replace sequelize with prisma'), 'medium');
    assert.equal(complexity('Replace the logs with metrics'), 'low');
  });
});
