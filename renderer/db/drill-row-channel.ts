/**
 * The drill ticker's worker hands its rows to its own console by postMessage; every other window of the run
 * (the 参演人员 screen on the projector) gets them over this BroadcastChannel. A window that hears the worker
 * tick follows the run instead of reading it (drill-run-cache.ts): its reads would hold the worker's next write
 * back until its own main thread has rendered, which with a participant screen open made injects seconds late.
 *
 * Following is a lease: the worker's heartbeat and each batch of rows renew it, and a window that hears
 * nothing for LEASE_MS (the console closed, its worker gone) reads the run again through its live query.
 */
import type { DrillRepository } from './repositories/drill-repository';
import type { RunRows } from './repositories/drill-run-cache';

/** How often the worker says it watches a run; a window that misses three in a row reads again. */
export const HEARTBEAT_MS = 1_000;
export const LEASE_MS = 3 * HEARTBEAT_MS;

export type DrillRowMessage = { type: 'rows'; rows: RunRows } | { type: 'watching'; runId: string };

export const drillRowChannelName = (databaseName: string) => `emergency-desk-drill-rows:${databaseName}`;

type Follower = Pick<DrillRepository, 'absorb' | 'load' | 'follow'>;

interface LeaseTimer {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const realTimer: LeaseTimer = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Follows run `runId` through the worker's broadcasts for as long as they come; returns the stop. Without
 * BroadcastChannel (old platforms) it does nothing, and the window reads as before.
 */
export function followRowBroadcasts(
  drills: Follower,
  databaseName: string,
  runId: string,
  timer: LeaseTimer = realTimer,
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(drillRowChannelName(databaseName));
  let release: (() => void) | null = null;
  let lease: unknown = null;
  const letGo = () => {
    release?.();
    release = null;
    lease = null;
  };
  const renew = () => {
    if (lease !== null) timer.clearTimer(lease);
    lease = timer.setTimer(letGo, LEASE_MS);
    release ??= drills.follow(runId);
  };
  channel.onmessage = (event: MessageEvent<DrillRowMessage>) => {
    const message = event.data;
    if (message.type === 'watching') {
      if (message.runId === runId) renew();
      return;
    }
    if (message.rows.run.id !== runId) return;
    // Rows that do not join what this window holds (it opened mid-run): one read catches up.
    if (!drills.absorb(message.rows)) void drills.load(runId);
    renew();
  };
  return () => {
    channel.close();
    if (lease !== null) timer.clearTimer(lease);
    letGo();
  };
}

/** The worker's side: tells every window of the database what it committed or read, and that it watches. */
export function openRowBroadcast(databaseName: string): (message: DrillRowMessage) => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(drillRowChannelName(databaseName));
  return (message) => channel.postMessage(message);
}
