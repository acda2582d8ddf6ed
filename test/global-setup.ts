import { buildServer, buildWeb } from '../scripts/build.js';

/** Builds the chat page and the compiled server once before the suite, as `npm start` does before serving. */
export default async function setup(): Promise<void> {
  await Promise.all([buildWeb(), buildServer()]);
}
