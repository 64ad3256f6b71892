import { Alert, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { daysOverdue, deadlineDateOf } from '@shared/domain/drill/corrective-action';
import { useServices } from '../../../services/services';
import { useClock } from '../../../ui/use-clock';
import { OVERDUE_BEAT_MS, useOpenActionsFor } from './useCorrectiveActions';

/** More than this many and the rest are counted, not listed: the alert sits in a dialog too. */
const LISTED = 5;

/**
 * 该预案尚有 n 项整改未完成: shown while a drill is prepared (the scenario editor, 开始新演练) when earlier drills
 * of the plans it tests — or of this scenario, when it names no plan — left corrective actions open. The
 * scenario is the one given, or the route's (`/drills/scenarios/:id`, where the start dialog opens).
 */
export function OpenActionsAlert({ scenarioId }: { scenarioId?: string }) {
  const { t } = useTranslation();
  const { id: routeId } = useParams();
  const id = scenarioId ?? routeId ?? '';
  const { drills } = useServices();
  const at = useClock(OVERDUE_BEAT_MS);
  const scenario = useLiveQuery(
    async () => (id ? ((await drills.getScenario(id)) ?? null) : null),
    [drills, id],
  );
  const planIds = scenario ? scenario.plans.map((p) => p.id) : undefined;
  const open = useOpenActionsFor(planIds, scenario?.id);
  if (!scenario || !open || open.length === 0) return null;
  const listed = open.slice(0, LISTED);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="open-actions-alert"
      // Given no scenario it sits at the top of the start dialog's form, above the first field.
      style={scenarioId ? undefined : { marginBottom: 16 }}
      title={t(planIds?.length ? 'drillActions.alert.plans' : 'drillActions.alert.scenario', {
        count: open.length,
      })}
      description={
        <>
          <div>{t('drillActions.alert.hint')}</div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {listed.map((a) => {
              const days = daysOverdue(a, at);
              return (
                <li key={a.id} data-testid="open-action">
                  {t('drillActions.alert.item', {
                    issue: a.issue,
                    unit: a.responsibleUnit,
                    deadline: deadlineDateOf(a),
                  })}
                  {days ? (
                    <Tag color="error" style={{ marginInlineStart: 6 }}>
                      {t('drillActions.overdueDays', { count: days })}
                    </Tag>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <Link to="/drills/actions">
            {open.length > LISTED
              ? t('drillActions.alert.more', { count: open.length - LISTED })
              : t('drillActions.openLedger')}
          </Link>
        </>
      }
    />
  );
}
