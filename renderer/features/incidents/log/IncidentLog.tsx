import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Card, Input, Progress, Space, Tag, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainCheck, LogEntry } from '@shared/domain/incident/log-chain';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';
import { useSignedWrite } from '../../session/useSignedWrite';
import { useLogPages } from './useLogPages';

const CATEGORY_COLOUR: Record<LogEntry['category'], string> = {
  intake: 'purple',
  decision: 'red',
  observation: 'blue',
  task: 'cyan',
  report: 'geekblue',
  resource: 'green',
  notice: 'magenta',
  note: 'default',
  correction: 'gold',
};

/**
 * 处置日志: append-only and hash-chained. Newest line on top; only the lines in view are in the DOM and only
 * their pages are read, so the view opens at once at 100,000 lines. Alt+L puts the cursor in the input.
 */
export function IncidentLog({ incidentId, count }: { incidentId: string; count: number }) {
  const { t } = useTranslation();
  const { incidents } = useServices();
  const { message } = App.useApp();
  const write = useSignedWrite();
  const entry = useLogPages(incidentId, count);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [correcting, setCorrecting] = useState<LogEntry | null>(null);
  const [saving, setSaving] = useState(false);
  const [check, setCheck] = useState<{ done: number; total: number; result: ChainCheck | null } | null>(null);

  // The virtualizer's functions are used only in this render, never handed to memoised children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 30,
    // Newest first: a new line shifts every index, so measured heights are kept by line number.
    getItemKey: (index) => count - index,
    overscan: 10,
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && event.code === 'KeyL') {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const save = async () => {
    if (saving || text.trim() === '') return;
    setSaving(true);
    let seq = 0;
    // The text stays in the box until the line is on disk: a refusal loses nothing typed.
    const ok = await write(async (actor) => {
      const saved = await incidents.appendNote(incidentId, { text, corrects: correcting?.id ?? null }, actor);
      seq = saved.seq;
    }, null);
    setSaving(false);
    if (ok) {
      setText('');
      setCorrecting(null);
      void message.success(t('incidents.log.saved', { seq }));
      virtual.scrollToIndex(0);
    }
  };

  const verify = async () => {
    setCheck({ done: 0, total: count, result: null });
    try {
      const result = await incidents.verifyLog(incidentId, (done, total) =>
        setCheck({ done, total, result: null }),
      );
      setCheck((c) => ({ done: c?.done ?? 0, total: c?.total ?? count, result }));
      if (!result.ok) virtual.scrollToIndex(Math.max(0, count - result.brokenAt), { align: 'center' });
    } catch (error) {
      setCheck(null);
      void message.error(translateError(t, error));
    }
  };

  const columns = '56px 112px 64px 150px 1fr 56px';
  return (
    <Card
      size="small"
      title={`${t('incidents.log.title')} · ${t('incidents.log.count', { count })}`}
      extra={
        <Button
          size="small"
          icon={<SafetyCertificateOutlined />}
          onClick={() => void verify()}
          loading={check !== null && check.result === null}
        >
          {t('incidents.log.verify')}
        </Button>
      }
      data-testid="incident-log"
    >
      {check?.result === null ? (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('incidents.log.verifying')}</Typography.Text>
          <Progress percent={check.total ? Math.floor((check.done / check.total) * 100) : 0} size="small" />
        </div>
      ) : check?.result ? (
        <Alert
          style={{ marginBottom: 8 }}
          showIcon
          closable={{ onClose: () => setCheck(null) }}
          type={check.result.ok ? 'success' : 'error'}
          title={
            check.result.ok
              ? t('incidents.log.intact', { count: check.result.count })
              : t('incidents.log.broken', {
                  seq: check.result.brokenAt,
                  reason: t(`incidents.log.reasons.${check.result.reason}`),
                })
          }
          data-testid="log-verify-result"
        />
      ) : null}
      {correcting ? (
        <Alert
          style={{ marginBottom: 8 }}
          type="warning"
          showIcon
          title={t('incidents.log.correcting', { seq: correcting.seq })}
          description={correcting.text}
          action={
            <Button size="small" onClick={() => setCorrecting(null)}>
              {t('incidents.log.cancel')}
            </Button>
          }
        />
      ) : null}
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input.TextArea
          ref={input}
          aria-label={t('incidents.log.placeholder')}
          placeholder={t('incidents.log.placeholder')}
          value={text}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
        />
        <Button type="primary" loading={saving} disabled={text.trim() === ''} onClick={() => void save()}>
          {t('incidents.log.add')}
        </Button>
      </Space.Compact>
      <div className="incident-log-head" style={{ gridTemplateColumns: columns }}>
        <span>{t('incidents.log.columns.seq')}</span>
        <span>{t('incidents.log.columns.at')}</span>
        <span>{t('incidents.log.columns.category')}</span>
        <span>{t('incidents.log.columns.author')}</span>
        <span>{t('incidents.log.columns.text')}</span>
        <span />
      </div>
      <div ref={scroller} className="incident-log-scroll" data-testid="incident-log-rows">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const seq = count - item.index;
            const line = entry(seq);
            return (
              <div
                key={seq}
                data-index={item.index}
                data-seq={seq}
                ref={virtual.measureElement}
                className={
                  check?.result && !check.result.ok && check.result.brokenAt === seq
                    ? 'incident-log-row incident-log-row-broken'
                    : 'incident-log-row'
                }
                style={{ gridTemplateColumns: columns, transform: `translateY(${item.start}px)` }}
              >
                <span>{seq}</span>
                {line ? (
                  <>
                    <span>{dayjs(line.at).format('MM-DD HH:mm:ss')}</span>
                    <span>
                      <Tag color={CATEGORY_COLOUR[line.category]}>
                        {t(`incidents.log.categories.${line.category}`)}
                      </Tag>
                    </span>
                    <span>
                      {line.author
                        ? `${line.author.name}（${line.author.positionName}）`
                        : t('incidents.log.system')}
                    </span>
                    <span className="incident-log-text">
                      {line.corrects ? <CorrectedSeq id={line.corrects} /> : null}
                      {line.text}
                    </span>
                    <span>
                      <Button
                        size="small"
                        type="link"
                        onClick={() => {
                          setCorrecting(line);
                          input.current?.focus();
                        }}
                      >
                        {t('incidents.log.correct')}
                      </Button>
                    </span>
                  </>
                ) : (
                  <span style={{ gridColumn: '2 / -1' }}>
                    <Typography.Text type="secondary">{t('incidents.log.loading')}</Typography.Text>
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Card>
  );
}

/** "更正第 12 条" on a correction: the corrected line's number, read once. */
function CorrectedSeq({ id }: { id: string }) {
  const { t } = useTranslation();
  const { incidents } = useServices();
  const [seq, setSeq] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void incidents.logEntry(id).then((e) => live && setSeq(e?.seq ?? null));
    return () => {
      live = false;
    };
  }, [incidents, id]);
  return seq === null ? null : <Tag color="gold">{t('incidents.log.corrects', { seq })}</Tag>;
}
