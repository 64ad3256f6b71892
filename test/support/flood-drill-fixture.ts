/**
 * A three-inject 城区内涝 tabletop and its 带班领导, for the tests of the drill ticker and of the caches it
 * feeds: injects at T+5, T+10 and T+20 minutes (5, 10 and 20 s of running time at ×60).
 */
import type { ScenarioInput } from '@shared/domain/drill/scenario';
import type { Actor } from '@shared/domain/org/types';

export const FLOOD_DRILL_START = Date.parse('2026-12-05T09:00:00+08:00');
const MIN = 60_000;

export const floodDirector: Actor = {
  personId: 'p-dir',
  name: '王建国',
  positionId: 'pos1',
  positionName: '带班领导',
};

export const FLOOD_SCENARIO: ScenarioInput = {
  title: '城区内涝桌面推演',
  form: 'tabletop',
  scope: 'single',
  purpose: 'inspection',
  injects: [
    { id: 'i1', no: '1', offsetMs: 5 * MIN, synopsis: '暴雨红色预警', text: '市气象台发布暴雨红色预警。' },
    { id: 'i2', no: '2', offsetMs: 10 * MIN, synopsis: '下穿隧道积水', text: '建设路下穿隧道积水 50 厘米。' },
    { id: 'i3', no: '3', offsetMs: 20 * MIN, synopsis: '小区地库进水', text: '滨江花园地库进水。' },
  ],
};
