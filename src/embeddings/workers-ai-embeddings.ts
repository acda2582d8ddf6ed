import { Embeddings } from '@langchain/core/embeddings';
import type { AiBinding } from '../config/worker-env.js';
import { AppError } from '../errors.js';

/** Texts per Workers AI call (bge-m3 accepts up to 100). */
const BATCH = 50;

/**
 * Embeddings from Workers AI (`env.AI.run(model, { text })`, answer `{ shape, data }`), for the Workers target.
 * bge-m3 is multilingual and needs no query/passage prefixes.
 */
export class WorkersAIEmbeddings extends Embeddings {
  constructor(
    private readonly ai: AiBinding,
    readonly model: string,
  ) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const result = (await this.ai.run(this.model, { text: texts.slice(i, i + BATCH) })) as { data?: number[][] };
      if (!Array.isArray(result?.data)) throw new AppError('unavailable', `Workers AI model ${this.model} returned no embeddings.`);
      vectors.push(...result.data);
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector!;
  }
}
