import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/huggingface_transformers';
import { env, type PretrainedOptions } from '@huggingface/transformers';

/** Options of {@link TransformersEmbeddings}. */
export interface TransformersEmbeddingsOptions {
  /** Hub id or folder name under `modelsDir`, e.g. `Xenova/multilingual-e5-small`. */
  model: string;
  /** Local model root for air-gapped use: the model is read from `<modelsDir>/<model>/`. */
  modelsDir?: string;
  /** Whether the hub may be asked for files missing locally. */
  allowRemoteModels: boolean;
  /** Where downloaded models are cached. */
  cacheDir?: string;
  /** ONNX weights variant: `q8` reads `onnx/model_quantized.onnx`, `fp32` reads `onnx/model.onnx`. */
  dtype: 'q8' | 'fp32' | 'fp16' | 'int8' | 'uint8' | 'q4';
  batchSize?: number;
  /** Prefixes some models expect (e5: `query: ` and `passage: `); by default chosen from the model name. */
  prefixes?: { query: string; passage: string };
  /** Receives one line per download milestone. */
  onProgress?: (line: string) => void;
}

/** e5 models are trained with these prefixes; retrieval quality drops without them. */
function defaultPrefixes(model: string): { query: string; passage: string } {
  return /(^|\/)(multilingual-)?e5-/i.test(model) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

/** Logs each file's download at 0, 25, 50, 75 and 100 %. */
function progressLogger(onProgress: (line: string) => void) {
  const reported = new Map<string, number>();
  return (event: { status: string; file?: string; progress?: number; name?: string }) => {
    if (event.status !== 'progress' || !event.file || event.progress === undefined) return;
    const step = Math.floor(event.progress / 25) * 25;
    if ((reported.get(event.file) ?? -1) >= step) return;
    reported.set(event.file, step);
    onProgress(`Downloading ${event.name ?? ''}/${event.file}: ${step}%`);
  };
}

/**
 * Sentence embeddings through `@huggingface/transformers` (ONNX Runtime on CPU): LangChain's
 * HuggingFaceTransformersEmbeddings with mean pooling and normalisation, plus model-specific prefixes and a
 * local model folder.
 */
export class TransformersEmbeddings extends HuggingFaceTransformersEmbeddings {
  readonly options: TransformersEmbeddingsOptions;
  readonly prefixes: { query: string; passage: string };
  dimension = 0;

  constructor(options: TransformersEmbeddingsOptions) {
    super({
      model: options.model,
      batchSize: options.batchSize ?? 32,
      stripNewLines: true,
      maxRetries: 0,
      // `dtype` is a model option that pipeline() forwards; LangChain types the field with the narrower tokenizer options.
      pretrainedOptions: {
        dtype: options.dtype,
        ...(options.onProgress ? { progress_callback: progressLogger(options.onProgress) } : {}),
      } as PretrainedOptions,
      pipelineOptions: { pooling: 'mean', normalize: true },
    });
    this.options = options;
    this.prefixes = options.prefixes ?? defaultPrefixes(options.model);
  }

  /** Loads the model (from `modelsDir`, the cache or the hub) and measures its dimension; throws when it cannot. */
  async load(): Promise<void> {
    // transformers.js reads these globals when it resolves files, so they are set right before loading.
    env.allowLocalModels = true;
    env.allowRemoteModels = this.options.allowRemoteModels;
    if (this.options.modelsDir) env.localModelPath = this.options.modelsDir;
    if (this.options.cacheDir) env.cacheDir = this.options.cacheDir;
    const [probe] = await super.embedDocuments(['probe']);
    this.dimension = probe!.length;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return super.embedDocuments(texts.map((t) => this.prefixes.passage + t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return super.embedQuery(this.prefixes.query + text);
  }
}
