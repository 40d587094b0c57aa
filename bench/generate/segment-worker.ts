import { parentPort } from 'node:worker_threads';
import { segmentForIndex } from '../../src/modules/normative-docs/text-search.ts';

/**
 * Segments generated documents for the search index off the main thread, so the
 * generator can insert batch k while batch k+1 is being segmented (on PGlite the
 * database runs on the main thread). Uses the module's own `segmentForIndex`.
 */
parentPort!.on('message', (m: { id: number; texts: string[] }) => {
  parentPort!.postMessage({ id: m.id, out: m.texts.map((t) => segmentForIndex(t)) });
});
