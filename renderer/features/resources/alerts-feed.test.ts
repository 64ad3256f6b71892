import { describe, expect, it } from 'vitest';
import type { ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { createAlertsFeed } from './alerts-feed';

const lowStock: ResourceAlert = {
  kind: 'lowStock',
  materialId: 'm1',
  name: '编织沙袋',
  unit: '条',
  total: 5,
  minimum: 10,
};

describe('the alerts feed of a window', () => {
  it('computes once for every listener, tells each of them, and stops and forgets when the last one leaves', () => {
    let starts = 0;
    let stops = 0;
    let emit: (alerts: ResourceAlert[]) => void = () => undefined;
    const feed = createAlertsFeed((e) => {
      starts += 1;
      emit = e;
      return () => void (stops += 1);
    });
    const heard: string[] = [];
    const header = feed.subscribe(() => heard.push('header'));
    const tab = feed.subscribe(() => heard.push('tab'));
    expect(starts).toBe(1);
    expect(feed.current()).toBeUndefined();

    emit([lowStock]);
    expect(feed.current()).toEqual([lowStock]);
    expect(heard).toEqual(['header', 'tab']);

    header();
    expect(stops).toBe(0);
    tab();
    expect(stops).toBe(1);
    expect(feed.current()).toBeUndefined();

    feed.subscribe(() => undefined);
    expect(starts).toBe(2);
  });
});
