import { describe, expect, it } from 'vitest';
import { DRILL_PREFIX, incidentMessage, isDrillIncident, realIncidents } from './drill-incident';

const drill = { drill: { runId: 'r1', scenarioTitle: '台风桌面推演' } };
const real = {};

describe('drill incidents', () => {
  it('prefixes the messages of a drill incident once, and leaves a real one alone', () => {
    expect(incidentMessage(drill, '初报')).toBe(`${DRILL_PREFIX}初报`);
    expect(incidentMessage(drill, `${DRILL_PREFIX}初报`)).toBe(`${DRILL_PREFIX}初报`);
    expect(incidentMessage(real, '初报')).toBe('初报');
  });

  it('keeps only real incidents', () => {
    const rows = [
      { id: 'a', ...real },
      { id: 'b', ...drill },
      { id: 'c', drill: undefined },
    ];
    expect(realIncidents(rows).map((r) => r.id)).toEqual(['a', 'c']);
    expect(isDrillIncident(drill)).toBe(true);
  });
});
