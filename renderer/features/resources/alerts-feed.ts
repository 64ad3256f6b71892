/**
 * One computation of the resource alerts per window, shared by everything that shows them (the header's
 * count on every screen, the resources screen's tab badge, the alerts tab): each used to read every material
 * and balance on its own. It runs while someone listens and forgets its value when the last one leaves. The
 * list itself is asked for only while a listener reads it (`subscribeList`); the others get the counts.
 */
import type { AlertsView } from '@shared/domain/resources/resource-alerts';
import { watchAlerts, type AlertsSource } from '../../db/resource-alerts-client';
import type { ResourceRepository } from '../../db/repositories/resource-repository';

export interface AlertsFeed {
  subscribe(listener: () => void): () => void;
  /** As `subscribe`, and the list comes with the counts while this listener stays. */
  subscribeList(listener: () => void): () => void;
  current(): AlertsView | undefined;
}

/** `start` begins computing, hands each result to `emit`, and returns its controls. */
export function createAlertsFeed(start: (emit: (view: AlertsView) => void) => AlertsSource): AlertsFeed {
  const listeners = new Set<() => void>();
  const listReaders = new Set<() => void>();
  let value: AlertsView | undefined;
  let source: AlertsSource | null = null;

  const subscribe = (listener: () => void, isListReader: boolean) => {
    listeners.add(listener);
    source ??= start((view) => {
      value = view;
      for (const l of listeners) l();
    });
    if (isListReader) {
      listReaders.add(listener);
      if (listReaders.size === 1) source.wantList(true);
    }
    return () => {
      listeners.delete(listener);
      if (listReaders.delete(listener) && listReaders.size === 0) {
        source?.wantList(false);
        if (value) value = { ...value, list: null };
      }
      if (listeners.size > 0 || !source) return;
      source.stop();
      source = null;
      value = undefined;
    };
  };

  return {
    subscribe: (listener) => subscribe(listener, false),
    subscribeList: (listener) => subscribe(listener, true),
    current: () => value,
  };
}

const feeds = new WeakMap<ResourceRepository, AlertsFeed>();

export function alertsFeedOf(resources: ResourceRepository, now: () => number): AlertsFeed {
  let feed = feeds.get(resources);
  if (!feed) feeds.set(resources, (feed = createAlertsFeed((emit) => watchAlerts(resources, now, emit))));
  return feed;
}
