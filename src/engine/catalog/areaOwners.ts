import type { AreaId } from '../analysis/analysisTypes';
import type { PersonaId } from './personas';

/** The persona that owns each requirement area (ROUTING §3: "Each area belongs to one persona"). */
export const AREA_OWNER: Readonly<Record<AreaId, PersonaId>> = {
  backend: 'backend-developer',
  frontend: 'frontend-developer',
  database: 'database-expert',
  'containers/kubernetes': 'kubernetes-expert',
  observability: 'observability-expert',
  testing: 'testing-specialist',
  'CI/CD': 'pipeline-manager',
  'infrastructure/cloud': 'infra-manager',
  security: 'appsec-manager',
  'data pipelines': 'data-manager',
};
