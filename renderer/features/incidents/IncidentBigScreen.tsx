import { useLiveQuery } from 'dexie-react-hooks';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { incidentMessage } from '@shared/domain/incident/drill-incident';
import { elapsedText } from '@shared/domain/incident/incident';
import { taskBoard } from '@shared/domain/incident/incident-tasks';
import { deadlinesOf } from '@shared/domain/incident/reports';
import { LEVEL_COLOUR, LEVEL_NUMERAL } from '@shared/domain/plan/levels';
import { FOUR_ONES } from '@shared/domain/plan/plan-context';
import { phaseOf } from '@shared/domain/plan/replay';
import { useServices } from '../../services/services';
import { useClock } from '../../ui/use-clock';
import { DrillWatermark } from '../drills/DrillWatermark';
import { LEVEL_STYLE } from '../plans/LevelTag';
import { deadlineText } from './reports/deadline-text';
import { useIncident } from './useIncident';

const BEAT_MS = 30_000;
const LOG_LINES = 8;

/**
 * 大屏: the command hall's wall. Read-only and live: level in its legal colour, elapsed time, warnings,
 * 四个一, overdue tasks, report countdowns, dispatches and the newest log lines, in letters legible across
 * the room. Opens in its own window from the console.
 */
export function IncidentBigScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { incidents, reports, dispatches, settings } = useServices();
  const view = useIncident(id);
  const at = useClock(BEAT_MS);
  const count = view?.incident.logCount ?? 0;
  const lines = useLiveQuery(
    () => incidents.logRange(id, Math.max(1, count - LOG_LINES + 1), count),
    [incidents, id, count],
  );
  const sent = useLiveQuery(() => reports.list(id), [reports, id]);
  const rules = useLiveQuery(() => reports.rules(), [reports]);
  const out = useLiveQuery(() => dispatches.list(id), [dispatches, id]);
  const install = useLiveQuery(() => settings.getInstallSettings(), [settings]);
  if (!view) return <div className="big-screen" />;
  const { incident, run, taskStates } = view;
  const context = run?.snapshot.context ?? null;
  const level = context?.level ?? null;
  const running = run ? ['monitoring', 'warning', 'response'].includes(phaseOf(run.snapshot)) : true;
  // After the response, the 善后 tasks still run until the case is closed.
  const board = taskBoard(
    context?.tasks ?? [],
    taskStates,
    at,
    running,
    !running && incident.status === 'open',
  );
  const overdue = board.filter((task) => task.overdue);
  const open = board.filter((task) => task.status !== 'done').sort((a, b) => a.dueAt - b.dueAt);
  const deadlines = rules ? deadlinesOf(rules, incident, sent ?? [], at) : [];
  const levelStyle = level ? LEVEL_STYLE[LEVEL_COLOUR[level]] : null;

  return (
    <div className="big-screen" data-testid="big-screen">
      {incident.drill ? <DrillWatermark /> : null}
      <header className="big-screen-head">
        <div>
          <div className="big-screen-sub">
            {install?.jurisdictionName} · {t('incidents.fields.serial')} {incident.serial} · {incident.place}
          </div>
          <h1>{incidentMessage(incident, incident.title)}</h1>
        </div>
        <div
          className="big-screen-level"
          style={levelStyle ? { background: levelStyle.background, color: levelStyle.color } : undefined}
          data-testid="big-screen-level"
        >
          {level ? t('plans.level', { numeral: LEVEL_NUMERAL[level] }) : t('plans.simulator.noLevel')}
        </div>
        <div className="big-screen-clock">
          <div>{dayjs(at).format('HH:mm')}</div>
          <div className="big-screen-sub">
            {t('incidents.console.elapsed', { text: elapsedText(incident.occurredAt, at) })}
          </div>
        </div>
      </header>
      <div className="big-screen-warnings">
        {Object.entries(context?.facts.warnings ?? {}).map(([type, w]) => (
          <span key={type} style={{ background: LEVEL_STYLE[w].background, color: LEVEL_STYLE[w].color }}>
            {t(`plans.warningInForce.${w}`, { type })}
          </span>
        ))}
      </div>
      <div className="big-screen-grid">
        <section>
          <h2>{t('plans.fourOnes.title')}</h2>
          {FOUR_ONES.map((item) => (
            <div key={item} className={context?.fourOnes[item] ? 'big-ok' : 'big-missing'}>
              {context?.fourOnes[item] ? '✓' : '✗'} {t(`plans.fourOnes.${item}`)}
            </div>
          ))}
        </section>
        <section>
          <h2>
            {t('incidents.tasks.title')} ·{' '}
            {t('incidents.tasks.count', {
              count: board.length,
              done: board.filter((task) => task.status === 'done').length,
              overdue: overdue.length,
            })}
          </h2>
          {/* Overdue first, then the next ones due: what the hall must chase. */}
          {[...overdue, ...open.filter((task) => !task.overdue)].slice(0, 7).map((task) => (
            <div key={task.key} className={task.overdue ? 'big-missing' : undefined}>
              {dayjs(task.dueAt).format('HH:mm')} {task.text}
            </div>
          ))}
        </section>
        <section>
          <h2>{t('incidents.reports.title')}</h2>
          {deadlines.map((d) => (
            <div key={d.deadline.ruleId} className={d.state.state === 'overdue' ? 'big-missing' : undefined}>
              {d.deadline.label} {deadlineText(t, d.state)}
            </div>
          ))}
          <h2>{t('incidents.dispatch.panel')}</h2>
          {(out ?? []).map((d) => (
            <div key={d.id}>
              {d.name} {d.quantity === null ? '' : `${d.quantity}${d.unit}`} ·{' '}
              {t(`incidents.dispatch.statuses.${d.status}`)}
            </div>
          ))}
        </section>
      </div>
      <section className="big-screen-log">
        <h2>{t('incidents.log.title')}</h2>
        {[...(lines ?? [])].reverse().map((line) => (
          <div key={line.id}>
            <span>{dayjs(line.at).format('HH:mm')}</span> {line.text}
          </div>
        ))}
      </section>
    </div>
  );
}
