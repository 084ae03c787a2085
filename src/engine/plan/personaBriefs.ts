import type { PersonaId } from '../catalog/personas';

/**
 * What each persona is asked to deliver in a hand-off, and how its result is judged. Static text
 * per persona (shared by every plan, so cached plans do not copy it); the task-specific parts of
 * a hand-off come from the analysis.
 */
export interface PersonaBrief {
  /** Verb phrase completed by the task quote: "<objective>: “task”". */
  readonly objective: string;
  readonly acceptanceCriteria: readonly string[];
  /** `objective` followed by ": ", the fixed head of every hand-off objective (made once, not per plan). */
  readonly objectivePrefix: string;
}

const BRIEFS: { readonly [P in PersonaId]: Omit<PersonaBrief, 'objectivePrefix'> } = {
  'system-overseer': {
    objective: 'Own the session and coordinate every layer below it',
    acceptanceCriteria: ['Every step finished, or was escalated with a reason', 'The session stayed within its budget and reported its health'],
  },
  'agent-provisioner': {
    objective: 'Provide the capacity this plan fans out to: start the agents and MCP servers its steps need',
    acceptanceCriteria: ['Each step had its agent and servers ready when it started', 'Servers and agents that are no longer needed were stopped'],
  },
  'product-manager': {
    objective: 'Turn the request into requirements, scope, priorities and acceptance criteria',
    acceptanceCriteria: ['Requirements and scope are written down and unambiguous', 'Each requirement has an acceptance criterion the lower layers can test'],
  },
  'solution-architect': {
    objective: 'Decide the architecture and technology choices and hand down a design',
    acceptanceCriteria: ['The design names the components, their interfaces and the technology choices with reasons', 'Risks and the migration or rollout path are stated'],
  },
  'security-strategist': {
    objective: 'Set the security policy, compliance controls and risk position',
    acceptanceCriteria: ['Applicable controls and policies are mapped to concrete requirements', 'Risks are recorded with an owner and a decision'],
  },
  'pipeline-manager': {
    objective: 'Orchestrate build, release and deployment automation',
    acceptanceCriteria: ['The pipeline runs green end to end', 'Releases and deployments are repeatable and can be rolled back'],
  },
  'infra-manager': {
    objective: 'Orchestrate the cloud infrastructure, networking and environments',
    acceptanceCriteria: ['Infrastructure is declared as code and reviewed', 'Environments are reachable and match the declared state'],
  },
  'appsec-manager': {
    objective: 'Run the security workflow: vulnerabilities, scanning, hardening and security gates',
    acceptanceCriteria: ['No unaccepted high or critical findings remain', 'Security gates are enforced where the plan requires them'],
  },
  'data-manager': {
    objective: 'Orchestrate the data flows: pipelines, streaming, warehouses and ML data',
    acceptanceCriteria: ['Data flows run end to end with validated outputs', 'Schedules, lineage and failure handling are in place'],
  },
  'backend-developer': {
    objective: 'Implement the server-side or general code and documentation changes',
    acceptanceCriteria: ['The change is implemented and reviewed', 'Existing behaviour outside the change still works (tests pass)'],
  },
  'frontend-developer': {
    objective: 'Implement the user interface changes',
    acceptanceCriteria: ['The UI works in the supported clients and is accessible', 'Client state and styling follow the existing conventions'],
  },
  'database-expert': {
    objective: 'Carry out the database work: schemas, migrations, queries, tuning and backups',
    acceptanceCriteria: ['Schema changes and migrations apply and roll back cleanly', 'Queries meet their performance expectations on realistic data'],
  },
  'kubernetes-expert': {
    objective: 'Carry out the container and Kubernetes work: images, manifests, Helm charts, operators',
    acceptanceCriteria: ['Images build and manifests or charts validate', 'Workloads become ready in a test cluster'],
  },
  'observability-expert': {
    objective: 'Instrument and observe: metrics, logs, traces, alerts, dashboards and SLOs',
    acceptanceCriteria: ['Signals are emitted and visible where the team looks', 'Alerts fire on the conditions that matter and not otherwise'],
  },
  'testing-specialist': {
    objective: 'Test the change: unit, integration, end-to-end or load tests as needed',
    acceptanceCriteria: ['Tests cover the changed behaviour and can fail', 'The test suite passes in CI'],
  },
  'cloud-cli-wrapper': {
    objective: 'Carry out the live cloud operations',
    acceptanceCriteria: ['Each operation was confirmed before it ran and its result verified', 'The live environment matches the intended state'],
  },
  'kube-cli-wrapper': {
    objective: 'Carry out the live kubectl/helm operations on the cluster',
    acceptanceCriteria: ['Each operation was confirmed before it ran and its rollout verified', 'Workloads are healthy after the change'],
  },
  'scanner-cli-wrapper': {
    objective: 'Run the security scanners against the live targets',
    acceptanceCriteria: ['Scans ran against every named target', 'Findings are reported with severity and location'],
  },
};

// Plans share these arrays; freezing makes an accidental mutation throw instead of spreading.
for (const b of Object.values(BRIEFS)) Object.freeze(b.acceptanceCriteria);

/** Objective and acceptance criteria per persona (frozen; shared by every plan). */
export const PERSONA_BRIEFS = Object.fromEntries(
  Object.entries(BRIEFS).map(([p, b]) => [p, { ...b, objectivePrefix: `${b.objective}: ` }]),
) as { readonly [P in PersonaId]: PersonaBrief };
