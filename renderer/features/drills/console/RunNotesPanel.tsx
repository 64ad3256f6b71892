import { Input, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { RunState } from '@shared/domain/drill/run-state';
import { formatOffset } from '@shared/domain/drill/scenario-time';

const ENTRY_COLOUR = { note: 'default', response: 'blue', observation: 'gold' } as const;

/** 导调记录, 评估观察 and 参演人员响应, newest first, each with its real and scenario time and the inject it answers. */
export function RunNotesPanel({
  state,
  isUnderWay,
  send,
}: {
  state: RunState;
  isUnderWay: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const injectNo = new Map(state.injects.map((i) => [i.id, i.no]));
  const entries = [...state.entries].reverse();
  return (
    <div data-testid="run-notes">
      {isUnderWay ? (
        <Input
          aria-label={t('drills.console.notes')}
          placeholder={t('drills.console.notePlaceholder')}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={async () => {
            // The text stays in the box until the journal has it, so a refusal loses nothing.
            if (text.trim() && (await send({ type: 'note', text: text.trim(), injectId: null }))) setText('');
          }}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('drills.console.noResponses') }}
        renderItem={(entry) => (
          <List.Item>
            <div>
              <Typography.Text type="secondary">
                {dayjs(entry.at).format('HH:mm:ss')} · {formatOffset(entry.scenarioMs)}
              </Typography.Text>{' '}
              <Tag color={ENTRY_COLOUR[entry.kind]}>
                {t(`drills.console.entryKind.${entry.kind}`)}
                {entry.capability ? ` · ${entry.capability}` : ''}
              </Tag>
              {entry.finding === 'strength' || entry.finding === 'problem' ? (
                <Tag color={entry.finding === 'problem' ? 'red' : 'green'}>
                  {t(`drillReport.findingKinds.${entry.finding}`)}
                </Tag>
              ) : null}
              {entry.injectId ? <Tag>{injectNo.get(entry.injectId) ?? ''}</Tag> : null}
              <strong>{entry.author}</strong>：{entry.text}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
