import { BUILTIN_PERSONAS, type PersonaId, type PersonaInfo } from '../catalog/personas';
import type { Handoff } from '../plan/planSchema';

/** The persona info for an id (from the built-in catalog). */
export function personaInfo(id: PersonaId): PersonaInfo {
  const p = BUILTIN_PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown persona ${id}`);
  return p;
}

function list(title: string, items: readonly string[]): string {
  return items.length ? `\n${title}:\n${items.map((i) => `- ${i}`).join('\n')}` : '';
}

/** System prompt for a persona: who it is, what it owns, its layer's role, the rules of the loop. */
export function personaSystemPrompt(persona: PersonaInfo, task: string): string {
  return [
    `You are the ${persona.name} (${persona.id}), a layer ${persona.layer} persona in a layered delegation hierarchy.`,
    `You own: ${persona.owns}.`,
    `The overall task: ${task}`,
    'Use only the tools you are given; each call is logged and may need the user\'s approval.',
    'When your part is done, answer without tool calls: a concise summary of what you did and what the next layer needs to know.',
  ].join('\n');
}

/** The user message carrying the hand-off object. */
export function handoffPrompt(handoff: Handoff): string {
  const artifacts = handoff.artifacts.map((a) => `${a.fromStep} (${a.kind}): ${a.summary}`);
  return [
    `Objective: ${handoff.objective}`,
    list('Requirements', handoff.requirements),
    list('Constraints', handoff.constraints),
    list('Acceptance criteria', handoff.acceptanceCriteria),
    list('Artifacts from upstream', artifacts),
  ].join('');
}
