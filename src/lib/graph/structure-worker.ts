/**
 * A worker thread that computes the graph's structure (`computeStructure`) from the
 * `GraphLinkData` it is given, and posts it back once (`structure-in-worker.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { GraphLinkData } from './graph-data.ts';
import { computeStructure } from './graph-structure-layout.ts';

parentPort!.postMessage(computeStructure(workerData as GraphLinkData));
