import { describe, expect, it } from 'vitest';
import { alertsView, type AlertsView, type ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { createAlertsFeed } from './alerts-feed';

const lowStock: ResourceAlert = {
  kind: 'lowStock',
  materialId: 'm1',
  name: '编织沙袋',
  unit: '条',
  total: 5,
  minimum: 10,
};

function fakeSource() {
  const source = {
    starts: 0,
    stops: 0,
    listWanted: [] as boolean[],
    emit: (() => undefined) as (view: AlertsView) => void,
  };
  const feed = createAlertsFeed((emit) => {
    source.starts += 1;
    source.emit = emit;
    return { stop: () => void (source.stops += 1), wantList: (wanted) => source.listWanted.push(wanted) };
  });
  return { feed, source };
}

describe('the alerts feed of a window', () => {
  it('computes once for every listener, tells each of them, and stops and forgets when the last one leaves', () => {
    const { feed, source } = fakeSource();
    const heard: string[] = [];
    const header = feed.subscribe(() => heard.push('header'));
    const badge = feed.subscribe(() => heard.push('badge'));
    expect(source.starts).toBe(1);
    expect(feed.current()).toBeUndefined();

    source.emit(alertsView([lowStock], false));
    expect(feed.current()).toEqual({
      counts: expect.objectContaining({ lowStock: 1 }),
      total: 1,
      list: null,
    });
    expect(heard).toEqual(['header', 'badge']);

    header();
    expect(source.stops).toBe(0);
    badge();
    expect(source.stops).toBe(1);
    expect(feed.current()).toBeUndefined();

    feed.subscribe(() => undefined);
    expect(source.starts).toBe(2);
  });

  it('asks for the list only while a reader of the list listens, and drops the list when the last one leaves', () => {
    const { feed, source } = fakeSource();
    const header = feed.subscribe(() => undefined);
    expect(source.listWanted).toEqual([]);

    const tab = feed.subscribeList(() => undefined);
    const secondTab = feed.subscribeList(() => undefined);
    expect(source.listWanted).toEqual([true]);
    source.emit(alertsView([lowStock], true));
    expect(feed.current()?.list).toEqual([lowStock]);

    tab();
    expect(source.listWanted).toEqual([true]);
    secondTab();
    expect(source.listWanted).toEqual([true, false]);
    expect(feed.current()).toEqual({
      counts: expect.objectContaining({ lowStock: 1 }),
      total: 1,
      list: null,
    });
    expect(source.stops).toBe(0);
    header();
    expect(source.stops).toBe(1);
  });
});
