import { Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { personOptions, type DirectoryData } from '../../directory/useDirectoryData';
import { useActingEmit, type PlanRun } from './plan-run';

/**
 * 四个一: one leader and lead department, one task force, one special plan, one channel. Each is named
 * from the directory; the chart holds "mobilised" only once all four are in place.
 */
export function FourOnesPanel({
  run,
  directory,
  actor,
}: {
  run: PlanRun;
  directory: DirectoryData;
  actor: Actor | null;
}) {
  const { t } = useTranslation();
  const { context } = run.snapshot;
  const f = context.fourOnes;
  const [leader, setLeader] = useState<string | null>(null);
  const [members, setMembers] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [channel, setChannel] = useState<string | null>(null);
  const people = useMemo(() => personOptions(directory), [directory]);
  const nameOf = (id: string) => directory.people.find((p) => p.id === id)?.name ?? id;
  const emit = useActingEmit(run, actor);
  const done = (isSet: boolean) => (isSet ? <Tag color="success">✓</Tag> : <Tag>—</Tag>);
  const select = {
    showSearch: { optionFilterProp: 'label' },
    options: people,
    style: { width: 220 },
  } as const;

  return (
    <Card size="small" title={t('plans.fourOnes.title')} data-testid="four-ones" style={{ marginBottom: 12 }}>
      <Form layout="vertical" size="small" component="div">
        <Form.Item
          label={
            <>
              {done(Boolean(f.leader))} {t('plans.fourOnes.leader')}：
              {f.leader ? `${f.leader.name} · ${f.leader.unitName}` : '—'}
            </>
          }
        >
          <Space.Compact>
            <Select {...select} aria-label={t('plans.fourOnes.leader')} value={leader} onChange={setLeader} />
            <Button
              disabled={!leader}
              onClick={() => {
                const person = directory.people.find((p) => p.id === leader);
                if (!person) return;
                const unitName = directory.unitById.get(person.unitId)?.name ?? '';
                emit((by, at) => ({
                  type: 'fourOnes.leader',
                  personId: person.id,
                  name: person.name,
                  unitId: person.unitId,
                  unitName,
                  at,
                  by,
                }));
              }}
            >
              {t('common.confirm')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={
            <>
              {done(Boolean(f.taskForce))} {t('plans.fourOnes.taskForce')}：
              {f.taskForce ? f.taskForce.members.map((m) => m.name).join('、') : '—'}
            </>
          }
        >
          <Space.Compact>
            <Select
              {...select}
              mode="multiple"
              aria-label={t('plans.fourOnes.taskForce')}
              value={members}
              onChange={setMembers}
              maxTagCount="responsive"
            />
            <Button
              disabled={members.length === 0}
              onClick={() =>
                emit((by, at) => ({
                  type: 'fourOnes.taskForce',
                  members: members.map((id) => ({ personId: id, name: nameOf(id) })),
                  at,
                  by,
                }))
              }
            >
              {t('common.confirm')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={
            <>
              {done(Boolean(f.specialPlan))} {t('plans.fourOnes.specialPlan')}：{f.specialPlan?.title ?? '—'}
            </>
          }
        >
          <Space.Compact>
            <Input
              aria-label={t('plans.fourOnes.specialPlan')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              style={{ width: 220 }}
              maxLength={100}
            />
            <Button
              disabled={title.trim() === ''}
              onClick={() =>
                emit((by, at) => ({ type: 'fourOnes.specialPlan', title: title.trim(), at, by }))
              }
            >
              {t('common.confirm')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={
            <>
              {done(Boolean(f.channel))} {t('plans.fourOnes.channel')}：{f.channel?.name ?? '—'}
            </>
          }
          style={{ marginBottom: 0 }}
        >
          <Space.Compact>
            <Select
              {...select}
              aria-label={t('plans.fourOnes.channel')}
              value={channel}
              onChange={setChannel}
            />
            <Button
              disabled={!channel}
              onClick={() =>
                channel &&
                emit((by, at) => ({
                  type: 'fourOnes.channel',
                  personId: channel,
                  name: nameOf(channel),
                  at,
                  by,
                }))
              }
            >
              {t('common.confirm')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Card>
  );
}
