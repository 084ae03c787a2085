import type { LayerId } from './layers';
import type { Capability } from './personas';

/**
 * How a configured server is recognised as a known one. Each list holds case-insensitive
 * substrings; a configured server matches when any of them occurs in the field named.
 */
export interface ServerMatchers {
  /** npm/PyPI package names found in the command or its arguments, e.g. `@modelcontextprotocol/server-memory`. */
  readonly packages: readonly string[];
  /** Executable names (basename of `command`), e.g. `github-mcp-server`. */
  readonly commands: readonly string[];
  /** Container image names found in `docker run …` arguments, e.g. `ghcr.io/github/github-mcp-server`. */
  readonly images: readonly string[];
  /** Substrings of remote server URLs, e.g. `api.githubcopilot.com/mcp`. */
  readonly urls: readonly string[];
}

/** One entry of the MCP server knowledge base (ROUTING §7). */
export interface KnownServer {
  /** Knowledge-base id, e.g. `github`. */
  readonly id: string;
  /** Human-readable launch description, as in the contract's table. */
  readonly launch: string;
  /** Layers whose personas may use the server. */
  readonly layers: readonly LayerId[];
  /** What the server is for. */
  readonly capabilities: readonly Capability[];
  /** Patterns that recognise a configured server as this entry. */
  readonly match: ServerMatchers;
}

function m(p: Partial<ServerMatchers>): ServerMatchers {
  return { packages: p.packages ?? [], commands: p.commands ?? [], images: p.images ?? [], urls: p.urls ?? [] };
}

/** The 32 built-in knowledge-base entries. */
export const BUILTIN_SERVERS: readonly KnownServer[] = [
  { id: 'filesystem', launch: '@modelcontextprotocol/server-filesystem', layers: ['L3', 'L4'], capabilities: ['files', 'code'], match: m({ packages: ['@modelcontextprotocol/server-filesystem'], commands: ['mcp-server-filesystem'], images: ['mcp/filesystem'] }) },
  { id: 'git', launch: 'mcp-server-git', layers: ['L3', 'L4'], capabilities: ['vcs'], match: m({ packages: ['mcp-server-git'], commands: ['mcp-server-git'], images: ['mcp/git'] }) },
  { id: 'github', launch: 'github-mcp-server, @modelcontextprotocol/server-github, remote GitHub MCP URL', layers: ['L1', 'L2', 'L3'], capabilities: ['vcs', 'issues', 'ci'], match: m({ packages: ['@modelcontextprotocol/server-github'], commands: ['github-mcp-server'], images: ['github/github-mcp-server', 'mcp/github'], urls: ['api.githubcopilot.com/mcp', 'github.com/mcp'] }) },
  { id: 'gitlab', launch: '@modelcontextprotocol/server-gitlab', layers: ['L1', 'L2', 'L3'], capabilities: ['vcs', 'issues', 'ci'], match: m({ packages: ['@modelcontextprotocol/server-gitlab'], commands: ['mcp-server-gitlab'], images: ['mcp/gitlab'] }) },
  { id: 'memory', launch: '@modelcontextprotocol/server-memory', layers: ['L0', 'L1'], capabilities: ['memory'], match: m({ packages: ['@modelcontextprotocol/server-memory'], commands: ['mcp-server-memory'], images: ['mcp/memory'] }) },
  { id: 'sequential-thinking', launch: '@modelcontextprotocol/server-sequential-thinking', layers: ['L0', 'L1', 'L2'], capabilities: ['reasoning'], match: m({ packages: ['@modelcontextprotocol/server-sequential-thinking'], commands: ['mcp-server-sequential-thinking'], images: ['mcp/sequentialthinking'] }) },
  { id: 'context7', launch: '@upstash/context7-mcp', layers: ['L1', 'L3'], capabilities: ['docs'], match: m({ packages: ['@upstash/context7-mcp'], commands: ['context7-mcp'], urls: ['mcp.context7.com'] }) },
  { id: 'fetch', launch: 'mcp-server-fetch', layers: ['L1', 'L3'], capabilities: ['web'], match: m({ packages: ['mcp-server-fetch'], commands: ['mcp-server-fetch'], images: ['mcp/fetch'] }) },
  { id: 'brave-search', launch: '@modelcontextprotocol/server-brave-search', layers: ['L1'], capabilities: ['web-search'], match: m({ packages: ['@modelcontextprotocol/server-brave-search', '@brave/brave-search-mcp-server'], commands: ['brave-search-mcp-server'], images: ['mcp/brave-search'] }) },
  { id: 'atlassian', launch: 'Atlassian remote MCP (Jira, Confluence)', layers: ['L1', 'L2'], capabilities: ['issues', 'docs'], match: m({ packages: ['mcp-atlassian', 'atlassian-mcp'], commands: ['mcp-atlassian'], images: ['sooperset/mcp-atlassian'], urls: ['mcp.atlassian.com'] }) },
  { id: 'slack', launch: '@modelcontextprotocol/server-slack', layers: ['L0', 'L1', 'L2'], capabilities: ['notify'], match: m({ packages: ['@modelcontextprotocol/server-slack', 'slack-mcp-server'], commands: ['slack-mcp-server'], images: ['mcp/slack'] }) },
  { id: 'playwright', launch: '@playwright/mcp', layers: ['L3', 'L4'], capabilities: ['browser', 'e2e'], match: m({ packages: ['@playwright/mcp', '@executeautomation/playwright-mcp-server'], commands: ['mcp-server-playwright'], images: ['mcr.microsoft.com/playwright/mcp'] }) },
  { id: 'postgres', launch: '@modelcontextprotocol/server-postgres', layers: ['L3'], capabilities: ['sql', 'database'], match: m({ packages: ['@modelcontextprotocol/server-postgres', 'postgres-mcp', 'mcp-postgres'], commands: ['postgres-mcp'], images: ['mcp/postgres', 'crystaldba/postgres-mcp'] }) },
  { id: 'sqlite', launch: 'mcp-server-sqlite', layers: ['L3'], capabilities: ['sql', 'database'], match: m({ packages: ['mcp-server-sqlite'], commands: ['mcp-server-sqlite'], images: ['mcp/sqlite'] }) },
  { id: 'redis', launch: '@modelcontextprotocol/server-redis', layers: ['L3'], capabilities: ['cache', 'database'], match: m({ packages: ['@modelcontextprotocol/server-redis', 'redis-mcp-server'], commands: ['redis-mcp-server'], images: ['mcp/redis'] }) },
  { id: 'mongodb', launch: 'mongodb-mcp-server', layers: ['L3'], capabilities: ['nosql', 'database'], match: m({ packages: ['mongodb-mcp-server'], commands: ['mongodb-mcp-server'], images: ['mongodb/mongodb-mcp-server', 'mcp/mongodb'] }) },
  { id: 'docker', launch: 'Docker MCP server', layers: ['L2', 'L3', 'L4'], capabilities: ['containers'], match: m({ packages: ['mcp-server-docker', 'docker-mcp'], commands: ['mcp-server-docker', 'docker-mcp'], images: ['mcp/docker'] }) },
  { id: 'kubernetes', launch: 'mcp-server-kubernetes', layers: ['L3', 'L4'], capabilities: ['kubernetes'], match: m({ packages: ['mcp-server-kubernetes', 'kubernetes-mcp-server'], commands: ['mcp-server-kubernetes', 'kubernetes-mcp-server'], images: ['mcp/kubernetes', 'flux159/mcp-server-kubernetes'] }) },
  { id: 'argocd', launch: 'Argo CD MCP server', layers: ['L2', 'L3'], capabilities: ['gitops', 'deploy'], match: m({ packages: ['argocd-mcp', 'mcp-for-argocd'], commands: ['argocd-mcp'], images: ['argoproj-labs/mcp-for-argocd'] }) },
  { id: 'terraform', launch: 'HashiCorp Terraform MCP server', layers: ['L2'], capabilities: ['iac'], match: m({ packages: ['terraform-mcp-server'], commands: ['terraform-mcp-server'], images: ['hashicorp/terraform-mcp-server'] }) },
  { id: 'aws', launch: 'AWS API MCP server', layers: ['L2', 'L4'], capabilities: ['cloud'], match: m({ packages: ['awslabs.aws-api-mcp-server', 'aws-api-mcp-server', '@aws/mcp'], commands: ['aws-api-mcp-server'], images: ['awslabs/aws-api-mcp-server'] }) },
  { id: 'azure', launch: '@azure/mcp', layers: ['L2', 'L4'], capabilities: ['cloud'], match: m({ packages: ['@azure/mcp'], commands: ['azmcp'] }) },
  { id: 'gcloud', launch: 'Google Cloud MCP server', layers: ['L2', 'L4'], capabilities: ['cloud'], match: m({ packages: ['@google-cloud/gcloud-mcp', 'gcloud-mcp'], commands: ['gcloud-mcp'] }) },
  { id: 'cloudflare', launch: 'Cloudflare MCP server', layers: ['L2', 'L4'], capabilities: ['cdn', 'dns', 'cloud'], match: m({ packages: ['@cloudflare/mcp-server-cloudflare'], commands: ['mcp-server-cloudflare'], urls: ['mcp.cloudflare.com'] }) },
  { id: 'circleci', launch: '@circleci/mcp-server-circleci', layers: ['L2'], capabilities: ['ci'], match: m({ packages: ['@circleci/mcp-server-circleci'], commands: ['mcp-server-circleci'] }) },
  { id: 'sentry', launch: '@sentry/mcp-server', layers: ['L0', 'L3'], capabilities: ['errors', 'monitoring'], match: m({ packages: ['@sentry/mcp-server'], commands: ['sentry-mcp'], urls: ['mcp.sentry.dev'] }) },
  { id: 'grafana', launch: 'Grafana MCP server', layers: ['L3'], capabilities: ['dashboards', 'metrics'], match: m({ packages: ['mcp-grafana'], commands: ['mcp-grafana'], images: ['mcp/grafana', 'grafana/mcp-grafana'] }) },
  { id: 'prometheus', launch: 'Prometheus MCP server', layers: ['L3'], capabilities: ['metrics'], match: m({ packages: ['prometheus-mcp-server', 'prometheus-mcp'], commands: ['prometheus-mcp-server'], images: ['pab1it0/prometheus-mcp-server'] }) },
  { id: 'datadog', launch: 'Datadog MCP server', layers: ['L0', 'L3'], capabilities: ['monitoring', 'logs'], match: m({ packages: ['@winor30/mcp-server-datadog', 'datadog-mcp-server'], commands: ['mcp-server-datadog', 'datadog-mcp-server'], urls: ['mcp.datadoghq.com'] }) },
  { id: 'elasticsearch', launch: 'Elasticsearch MCP server', layers: ['L3'], capabilities: ['logs', 'search'], match: m({ packages: ['@elastic/mcp-server-elasticsearch', 'elasticsearch-mcp-server'], commands: ['elasticsearch-mcp-server'], images: ['mcp/elasticsearch', 'elastic/mcp-server-elasticsearch'] }) },
  { id: 'semgrep', launch: 'Semgrep MCP server', layers: ['L2', 'L4'], capabilities: ['sast', 'security'], match: m({ packages: ['semgrep-mcp'], commands: ['semgrep-mcp'], images: ['semgrep/mcp'], urls: ['mcp.semgrep.ai'] }) },
  { id: 'trivy', launch: 'Trivy MCP server', layers: ['L4'], capabilities: ['vuln-scan', 'security'], match: m({ packages: ['trivy-mcp'], commands: ['trivy-mcp'], images: ['aquasec/trivy-mcp'] }) },
];
