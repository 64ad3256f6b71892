import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import type { DirectoryData } from '../../directory/useDirectoryData';
import type { Simulation } from '../useSimulation';

const STEPS = [
  { key: 'minutes10', ms: 10 * 60_000 },
  { key: 'hour1', ms: 60 * 60_000 },
  { key: 'hours4', ms: 4 * 60 * 60_000 },
] as const;

/** Simulated time and who is acting: time only moves when the trainer steps it. */
export function TimeBar({
  simulation,
  directory,
  actor,
  onActingAs,
}: {
  simulation: Simulation;
  directory: DirectoryData;
  actor: Actor | null;
  onActingAs: (actor: Actor) => void;
}) {
  const { t } = useTranslation();
  const now = simulation.snapshot.context.now;
  // A step is stamped from the time on screen: a second click before it is stored would repeat it.
  const [stepping, setStepping] = useState(false);
  const step = async (ms: number) => {
    setStepping(true);
    try {
      await simulation.send({ type: 'time.tick', at: now + ms });
    } finally {
      setStepping(false);
    }
  };
  const options = useMemo(
    () =>
      directory.people.flatMap((p) =>
        p.positionIds.map((positionId) => {
          const positionName = directory.positionById.get(positionId)?.name ?? '';
          return {
            value: `${p.id}|${positionId}`,
            label: `${p.name}（${positionName}）`,
            actor: { personId: p.id, name: p.name, positionId, positionName },
          };
        }),
      ),
    [directory],
  );
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space wrap size="middle">
        <Space>
          <ClockCircleOutlined />
          <Typography.Text>{t('plans.simulator.simTime')}</Typography.Text>
          <Typography.Text strong data-testid="sim-time">
            {dayjs(now).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </Space>
        <Space.Compact>
          {STEPS.map((s) => (
            <Button key={s.ms} disabled={stepping} onClick={() => void step(s.ms)}>
              {t(`plans.simulator.steps.${s.key}`)}
            </Button>
          ))}
        </Space.Compact>
        <Tooltip title={t('plans.simulator.actingAsHint')}>
          <Typography.Text>{t('plans.simulator.actingAs')}：</Typography.Text>
        </Tooltip>
        <Select
          aria-label={t('plans.simulator.actingAs')}
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={actor ? `${actor.personId}|${actor.positionId}` : null}
          options={options.map(({ value, label }) => ({ value, label }))}
          onChange={(value: string) => {
            const found = options.find((o) => o.value === value);
            if (found) onActingAs(found.actor);
          }}
        />
      </Space>
    </Card>
  );
}
