import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReplayItem, ReplayKind } from '@shared/domain/drill/replay';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { LEVEL_COLOUR, LEVEL_NUMERAL, type WarningLevel } from '@shared/domain/plan/levels';

/** Tag colours by kind, as the 导调台 colours the same records; levels and warnings take the law's colours. */
const KIND_COLOUR: Partial<Record<ReplayKind, string>> = {
  'inject.deliver': 'green',
  'inject.skip': 'default',
  response: 'blue',
  note: 'default',
  observation: 'gold',
  'action.mark': 'cyan',
  callout: 'purple',
  'run.endex': 'red',
  'run.abort': 'red',
  'incident.open': 'volcano',
  'fourOnes.complete': 'green',
  'task.done': 'green',
  'report.send': 'geekblue',
};

const TASKS_SHOWN = 3;

export function kindColour(kind: ReplayKind): string {
  return KIND_COLOUR[kind] ?? 'default';
}

/** The warning colour a level or warning item is drawn in, or null for any other item. */
export function legalColour(item: ReplayItem): WarningLevel | null {
  switch (item.kind) {
    case 'warning.issue':
      return item.level;
    case 'level.propose':
    case 'level.approve':
    case 'level.adjust':
      return LEVEL_COLOUR[item.level];
    default:
      return null;
  }
}

/** One line saying what the item was, in the screen's language. */
export function itemText(item: ReplayItem, t: TFunction): string {
  const text = (key: string, params: Record<string, unknown> = {}) => t(`drillReplay.text.${key}`, params);
  const level = (l: keyof typeof LEVEL_NUMERAL) => LEVEL_NUMERAL[l];
  const time = (ms: number) => dayjs(ms).format('HH:mm:ss');
  switch (item.kind) {
    case 'clock.start':
      return item.plannedAt === null
        ? text('start', { speed: item.speed })
        : text('randomStart', { speed: item.speed, planned: time(item.plannedAt) });
    case 'clock.pause':
      return text('pause');
    case 'clock.resume':
      return text('resume');
    case 'clock.speed':
      return text('speed', { speed: item.speed });
    case 'clock.jump':
      return text('jump', { to: formatOffset(item.toMs) });
    case 'run.endex':
      return text('endex');
    case 'run.abort':
      return text('abort', { reason: item.reason });
    case 'inject.deliver':
      return text(item.to ? 'deliverTo' : 'deliver', item);
    case 'inject.skip':
      return text('skip', { ...item, reason: t(`drills.console.skipReason.${item.reason}`) });
    case 'response':
      return text('said', { who: item.author, text: item.text });
    case 'note':
      return text('said', { who: item.by ?? '', text: item.text });
    case 'observation': {
      // A 优点 or 问题 says so first; a plain 记录 reads as it was written.
      const kind = item.finding === 'note' ? '' : `【${t(`drillReport.findingKinds.${item.finding}`)}】`;
      return text('said', { who: item.by ?? '', text: `${kind}${item.text}` });
    }
    case 'action.mark':
      return text('mark', {
        no: item.injectNo,
        action: item.action,
        mark: t(`drills.console.actionMark.${item.mark}`),
      });
    case 'callout':
      return text('callout', { unit: item.unit, stage: t(`drillReplay.calloutStage.${item.stage}`) });
    case 'incident.open':
      return text('incidentOpen', item);
    case 'warning.issue':
      return text('warning', { type: item.warningType, level: t(`plans.warningLevel.${item.level}`) });
    case 'level.propose':
      return text('propose', { level: level(item.level) });
    case 'level.approve':
      return text('approve', { level: level(item.level) });
    case 'level.adjust':
      return text('adjust', { level: level(item.level) });
    case 'response.end':
      return text('responseEnd');
    case 'fourOnes':
      return text('fourOnes', { part: t(`plans.fourOnes.${item.part}`), text: item.text });
    case 'fourOnes.complete':
      return text('fourOnesComplete');
    case 'tasks.issue':
      // A level's actions can be a dozen: the wall shows the first few, the board has them all.
      return text('tasks', {
        count: item.texts.length,
        texts:
          item.texts.slice(0, TASKS_SHOWN).join('；') + (item.texts.length > TASKS_SHOWN ? text('more') : ''),
      });
    case 'task.done':
      return text('taskDone', { text: item.text });
    case 'report.send':
      return text('report', item);
  }
}
