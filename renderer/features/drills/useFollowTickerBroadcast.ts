import { useEffect } from 'react';
import { followRowBroadcasts } from '../../db/drill-row-channel';
import { useServices } from '../../services/services';

/**
 * For a window other than the 导调台 (the 参演人员 screen): while the drill ticker's worker ticks this run,
 * follow the rows it broadcasts instead of reading the run, so that this window's reads never hold the
 * worker's writes back (db/drill-row-channel.ts).
 */
export function useFollowTickerBroadcast(runId: string): void {
  const { drills, resources } = useServices();
  // The drill tables live in the same database as the resources, whose name the worker broadcasts under.
  const databaseName = resources.databaseName;
  useEffect(() => followRowBroadcasts(drills, databaseName, runId), [drills, databaseName, runId]);
}
