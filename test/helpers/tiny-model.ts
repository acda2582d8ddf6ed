import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * Writes a tiny BERT-shaped embedding model that transformers.js can load with no network: a WordPiece tokenizer
 * over `vocabulary` and an ONNX graph with a single Gather from a random embedding table (see
 * ../shared/notes/offline-model-fixture.md). Its vectors mean nothing; it exercises the real loading path.
 */
export async function writeTinyModel(root: string, modelId: string, vocabulary: string[], dimension = 8): Promise<void> {
  const dir = join(root, modelId);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  const tokens = [...special, ...vocabulary.filter((w) => !special.includes(w))];
  const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));

  // Deterministic pseudo-random table, so two runs build the same model.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const table = new Float32Array(tokens.length * dimension).map(() => random());

  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'communiques-tests',
    graph: {
      name: 'tiny',
      node: [{ opType: 'Gather', input: ['emb', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] }],
      initializer: [{ name: 'emb', dataType: onnx.TensorProto.DataType.FLOAT, dims: [tokens.length, dimension], rawData: new Uint8Array(table.buffer) }],
      input: ['input_ids', 'attention_mask'].map((name) => ({
        name,
        type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [{ dimParam: 'b' }, { dimParam: 's' }] } } },
      })),
      output: [{
        name: 'last_hidden_state',
        type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'b' }, { dimParam: 's' }, { dimValue: dimension }] } } },
      }],
    },
  });
  await writeFile(join(dir, 'onnx', 'model.onnx'), onnx.ModelProto.encode(model).finish());
  await writeFile(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: dimension }));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify({
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  }));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    unk_token: '[UNK]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    cls_token: '[CLS]',
    mask_token: '[UNK]',
    model_max_length: 512,
  }));
}
