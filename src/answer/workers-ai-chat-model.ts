import { SimpleChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { AiBinding } from '../config/worker-env.js';

/** Message roles as Workers AI text-generation models take them. */
function role(message: BaseMessage): 'system' | 'user' | 'assistant' {
  const type = message.getType();
  return type === 'system' ? 'system' : type === 'ai' ? 'assistant' : 'user';
}

/**
 * A LangChain chat model on Workers AI text generation (`env.AI.run(model, { messages })` → `{ response }`), so
 * the Workers target answers through the same LLM path (prompt, citation check, fallback) as the Node server.
 */
export class WorkersAIChatModel extends SimpleChatModel {
  constructor(
    private readonly ai: AiBinding,
    readonly model: string,
  ) {
    super({});
  }

  _llmType(): string {
    return 'workers-ai';
  }

  async _call(messages: BaseMessage[]): Promise<string> {
    const result = (await this.ai.run(this.model, {
      messages: messages.map((m) => ({ role: role(m), content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content) })),
      max_tokens: 512,
      temperature: 0,
    })) as { response?: string };
    if (typeof result?.response !== 'string') throw new Error(`Workers AI model ${this.model} returned no text`);
    return result.response;
  }
}
