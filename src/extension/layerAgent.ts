import type { Agent, StepContext, StepResult } from '../engine/agents/agent';
import type { ChatModel } from '../engine/agents/chatModel';
import { ManualAgent } from '../engine/agents/manualAgent';
import { ModelAgent } from '../engine/agents/modelAgent';
import type { LayerId } from '../engine/catalog/layers';

/**
 * The agent the extension gives every step: in `model` mode it resolves the chat model chosen for
 * the step's layer when the step starts (models can appear or vanish while VS Code runs) and runs
 * the persona as a {@link ModelAgent}; with no model available, or in `manual` mode, it runs a
 * {@link ManualAgent} so the user does the step. vscode-free: the model lookup is injected.
 */
export class LayerAgent implements Agent {
  readonly kind: string;

  constructor(
    private readonly layer: LayerId,
    private readonly mode: () => 'model' | 'manual',
    private readonly modelFor: (layer: LayerId) => Promise<ChatModel | undefined>,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.kind = `layer:${layer}`;
  }

  async runStep(ctx: StepContext): Promise<StepResult> {
    if (this.mode() === 'manual') return new ManualAgent().runStep(ctx);
    let model: ChatModel | undefined;
    try {
      model = await this.modelFor(this.layer);
    } catch (e) {
      this.log(`no chat model for ${this.layer} (${e instanceof Error ? e.message : String(e)}); ${ctx.step.id} falls back to manual`);
    }
    if (!model) {
      this.log(`no chat model available for ${this.layer}; ${ctx.step.id} waits for you (manual agent)`);
      return new ManualAgent().runStep(ctx);
    }
    return new ModelAgent(model).runStep(ctx);
  }
}
