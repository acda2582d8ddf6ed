import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AppConfig } from '../config/config.js';

/** Builds the LangChain chat model that `LLM_PROVIDER` names, or null for the extractive mode. */
export async function createChatModel(config: Omit<AppConfig['llm'], 'unsupported'>): Promise<BaseChatModel | null> {
  if (config.provider === 'none') return null;
  if (config.provider === 'ollama') {
    const { ChatOllama } = await import('@langchain/ollama');
    return new ChatOllama({ baseUrl: config.ollamaBaseUrl, model: config.model, temperature: 0 });
  }
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: config.model,
    temperature: 0,
    // Local servers (vLLM, llama.cpp, LM Studio) accept any key; the client library insists on one.
    apiKey: config.openaiApiKey ?? 'not-needed',
    configuration: config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : undefined,
    maxRetries: 0,
    streamUsage: false,
  });
}
