import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogEntry } from '@shared/domain/incident/log-chain';
import { useServices } from '../../../services/services';

export const LOG_PAGE = 100;

/**
 * The incident log read a page at a time, only where the reader looks: a log of 100,000 lines opens with one
 * page, not 100,000 rows. Pages are numbered from the oldest line (page 0 = lines 1…100), so a page, once
 * full, never changes; only the last, growing page is read again when new lines arrive.
 */
export function useLogPages(incidentId: string, count: number) {
  const { incidents } = useServices();
  const pages = useRef(new Map<number, LogEntry[]>());
  const loading = useRef(new Set<number>());
  const [, setVersion] = useState(0);

  useEffect(() => {
    pages.current.clear();
    loading.current.clear();
    setVersion((v) => v + 1);
  }, [incidentId]);

  // New lines land on the last page (or a new one): forget the pages that may be short.
  useEffect(() => {
    const lastFull = Math.floor(count / LOG_PAGE);
    for (const page of [...pages.current.keys()]) {
      if (page >= lastFull && (pages.current.get(page)?.length ?? 0) < LOG_PAGE) pages.current.delete(page);
    }
    setVersion((v) => v + 1);
  }, [count]);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const from = page * LOG_PAGE + 1;
      void incidents.logRange(incidentId, from, from + LOG_PAGE - 1).then((rows) => {
        loading.current.delete(page);
        pages.current.set(page, rows);
        setVersion((v) => v + 1);
      });
    },
    [incidents, incidentId],
  );

  /** The line numbered `seq`, or undefined while its page is being read (the page is requested). */
  const entry = useCallback(
    (seq: number): LogEntry | undefined => {
      const page = Math.floor((seq - 1) / LOG_PAGE);
      const rows = pages.current.get(page);
      if (!rows) {
        load(page);
        return undefined;
      }
      // Undefined also while a new line's page is read again (see the effect on `count`).
      return rows.find((row) => row.seq === seq);
    },
    [load],
  );

  return entry;
}
