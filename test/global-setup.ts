import { buildWeb } from '../scripts/build-web.js';

/** Builds the chat page once before the suite, as `npm start` does before serving. */
export default async function setup(): Promise<void> {
  await buildWeb();
}
