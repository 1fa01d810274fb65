/**
 * The glossary worker (dist/glossaryWorker.js): started by the glossary host in a worker thread for each build of a
 * glossary with termbases (lingo.glossaries); builds it (node/glossaryBuild.ts), posts progress and the result, and
 * ends. The build's bytes, when there is no cache folder to keep them in, are transferred, not copied.
 */
import { parentPort, workerData } from 'worker_threads';
import { runTermbaseBuild, type TermbaseBuildRequest, type TermbaseBuildResult } from './node/glossaryBuild';

export type WorkerMessage =
  | { type: 'progress'; percentage: number; message?: string }
  | { type: 'done'; result: TermbaseBuildResult }
  | { type: 'failed'; message: string };

if (parentPort) {
  const port = parentPort;
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  try {
    const result = runTermbaseBuild(workerData as TermbaseBuildRequest, (percentage, message) => post({ type: 'progress', percentage, message }));
    post({ type: 'done', result }, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
