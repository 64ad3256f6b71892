/**
 * One computation of the resource alerts per window, shared by everything that shows them (the header's
 * count on every screen, the resources screen's tab badge, the alerts tab): each used to read every material
 * and balance on its own. It runs while someone listens and forgets its value when the last one leaves.
 */
import type { ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { watchAlerts } from '../../db/resource-alerts-client';
import type { ResourceRepository } from '../../db/repositories/resource-repository';

export interface AlertsFeed {
  subscribe(listener: () => void): () => void;
  current(): ResourceAlert[] | undefined;
}

/** `start` begins computing, hands each result to `emit`, and returns how to stop. */
export function createAlertsFeed(start: (emit: (alerts: ResourceAlert[]) => void) => () => void): AlertsFeed {
  const listeners = new Set<() => void>();
  let value: ResourceAlert[] | undefined;
  let stop: (() => void) | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      stop ??= start((alerts) => {
        value = alerts;
        for (const l of listeners) l();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !stop) return;
        stop();
        stop = null;
        value = undefined;
      };
    },
    current: () => value,
  };
}

const feeds = new WeakMap<ResourceRepository, AlertsFeed>();

export function alertsFeedOf(resources: ResourceRepository, now: () => number): AlertsFeed {
  let feed = feeds.get(resources);
  if (!feed) feeds.set(resources, (feed = createAlertsFeed((emit) => watchAlerts(resources, now, emit))));
  return feed;
}
