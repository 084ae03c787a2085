import type { LayerId } from './layers';

/** The 18 persona ids of ROUTING §2, in delegation order. */
export const PERSONA_IDS = [
  'system-overseer',
  'agent-provisioner',
  'product-manager',
  'solution-architect',
  'security-strategist',
  'pipeline-manager',
  'infra-manager',
  'appsec-manager',
  'data-manager',
  'backend-developer',
  'frontend-developer',
  'database-expert',
  'kubernetes-expert',
  'observability-expert',
  'testing-specialist',
  'cloud-cli-wrapper',
  'kube-cli-wrapper',
  'scanner-cli-wrapper',
] as const;

/** One of the 18 personas. */
export type PersonaId = (typeof PERSONA_IDS)[number];

/** A capability tag: what a server is for, and what a persona needs (ROUTING §7). */
export type Capability = string;

/** Static description of a persona. */
export interface PersonaInfo {
  /** Persona id, e.g. `backend-developer`. */
  readonly id: PersonaId;
  /** The layer the persona works in. */
  readonly layer: LayerId;
  /** Display name. */
  readonly name: string;
  /** What the persona owns (ROUTING §2). */
  readonly owns: string;
  /** Capability needs, in order of preference (ROUTING §7). */
  readonly needs: readonly Capability[];
}

export const BUILTIN_PERSONAS: readonly PersonaInfo[] = [
  { id: 'system-overseer', layer: 'L0', name: 'System Overseer', owns: 'every session: coordination strategy, budget, health, escalation', needs: ['memory', 'reasoning', 'monitoring', 'errors', 'notify'] },
  { id: 'agent-provisioner', layer: 'L0', name: 'Agent Provisioner', owns: 'capacity: parallel fan-out, starting/stopping MCP servers and agents', needs: ['reasoning', 'memory', 'notify'] },
  { id: 'product-manager', layer: 'L1', name: 'Product Manager', owns: 'product/feature requirements, scope, priorities, acceptance criteria', needs: ['issues', 'docs', 'web-search', 'memory', 'reasoning'] },
  { id: 'solution-architect', layer: 'L1', name: 'Solution Architect', owns: 'architecture, technology choices, migrations, re-platforming, scalability design', needs: ['docs', 'reasoning', 'web', 'web-search', 'vcs'] },
  { id: 'security-strategist', layer: 'L1', name: 'Security Strategist', owns: 'security policy, compliance (SOC 2, GDPR, HIPAA, PCI DSS, ISO 27001), risk, audit', needs: ['reasoning', 'docs', 'issues', 'web-search'] },
  { id: 'pipeline-manager', layer: 'L2', name: 'Pipeline Manager', owns: 'CI/CD, builds, releases, deployment automation', needs: ['ci', 'vcs', 'containers', 'gitops', 'deploy'] },
  { id: 'infra-manager', layer: 'L2', name: 'Infrastructure Manager', owns: 'cloud infrastructure, infrastructure as code, networking, DNS/CDN, environments', needs: ['iac', 'cloud', 'cdn', 'dns', 'containers', 'reasoning'] },
  { id: 'appsec-manager', layer: 'L2', name: 'AppSec Manager', owns: 'vulnerability management, dependency/secret scanning, hardening, security gates', needs: ['sast', 'security', 'vcs', 'issues'] },
  { id: 'data-manager', layer: 'L2', name: 'Data Manager', owns: 'data pipelines: ETL/ELT, streaming, warehouses, analytics and ML data flows', needs: ['reasoning', 'issues', 'cloud', 'vcs'] },
  { id: 'backend-developer', layer: 'L3', name: 'Backend Developer', owns: 'APIs, services, business logic, auth, payments, caching, queues, integrations; the generalist for code or docs changes that fit no other expert', needs: ['files', 'code', 'vcs', 'docs', 'web', 'errors'] },
  { id: 'frontend-developer', layer: 'L3', name: 'Frontend Developer', owns: 'UI, pages, components, styling, accessibility, client state, mobile UI', needs: ['files', 'code', 'vcs', 'browser', 'docs'] },
  { id: 'database-expert', layer: 'L3', name: 'Database Expert', owns: 'schemas, migrations, queries, indexes, database tuning, backups', needs: ['sql', 'database', 'nosql', 'cache', 'files', 'docs'] },
  { id: 'kubernetes-expert', layer: 'L3', name: 'Kubernetes Expert', owns: 'containers, Dockerfiles, Kubernetes manifests, Helm, service mesh', needs: ['kubernetes', 'containers', 'gitops', 'files', 'docs'] },
  { id: 'observability-expert', layer: 'L3', name: 'Observability Expert', owns: 'monitoring, metrics, logging, tracing, alerting, dashboards, SLOs', needs: ['metrics', 'dashboards', 'logs', 'monitoring', 'errors'] },
  { id: 'testing-specialist', layer: 'L3', name: 'Testing Specialist', owns: 'unit/integration/e2e/load tests, coverage, QA', needs: ['e2e', 'browser', 'files', 'code', 'vcs'] },
  { id: 'cloud-cli-wrapper', layer: 'L4', name: 'Cloud CLI Wrapper', owns: 'direct cloud provider operations (AWS, GCP, Azure, Cloudflare)', needs: ['cloud', 'cdn', 'dns', 'containers'] },
  { id: 'kube-cli-wrapper', layer: 'L4', name: 'Kube CLI Wrapper', owns: 'direct kubectl/helm operations on live clusters', needs: ['kubernetes', 'containers'] },
  { id: 'scanner-cli-wrapper', layer: 'L4', name: 'Scanner CLI Wrapper', owns: 'running security scanners (Trivy, Semgrep, ZAP, Snyk)', needs: ['vuln-scan', 'sast', 'security', 'files'] },
];

/** Type guard for persona ids coming from untrusted input. */
export function isPersonaId(value: unknown): value is PersonaId {
  return typeof value === 'string' && (PERSONA_IDS as readonly string[]).includes(value);
}

/** Delegation-order rank of a persona (its index in {@link PERSONA_IDS}). */
export function personaRank(id: PersonaId): number {
  return PERSONA_IDS.indexOf(id);
}
