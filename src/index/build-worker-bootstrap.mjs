// Worker threads start from plain JavaScript: this loads the TypeScript build thread through tsx's API.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
