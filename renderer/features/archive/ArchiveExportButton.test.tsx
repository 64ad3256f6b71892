import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchivePackage } from '@shared/domain/archive/archive-package';
import type { Actor } from '@shared/domain/org/types';
import { createI18n } from '@renderer/i18n/i18n';
import { ServicesProvider, type Services } from '@renderer/services/services';
import { openReportFixture } from '../../../test/support/drill-report-fixture';
import { fakePlatform, type FakePlatform } from '../../../test/support/render-app';
import { ArchiveExportButton } from './ArchiveExportButton';

/** antd and live queries in jsdom on two shared cores. */
const SLOW = 60_000;
const T = new Date(2026, 5, 10, 9, 30).getTime();
const controller: Actor = { personId: 'c', name: '李雨平', positionId: 'x', positionName: '导调' };
const director: Actor = { personId: 'd', name: '李伟涛', positionId: 'x', positionName: '总指挥' };

let services: Services;
let drop: () => Promise<void>;
let platform: FakePlatform;

beforeEach(async () => {
  platform = fakePlatform();
  ({ services, drop } = await openReportFixture({
    platform,
    now: () => T,
    director,
    signedIn: controller,
    plan: { id: 'plan-hazmat', version: 3, title: '区危险化学品事故应急预案' },
  }));
});
afterEach(async () => {
  await drop();
});

async function startedRun(): Promise<string> {
  const scenarioId = await services.drills.saveScenario(
    {
      title: '化工园区液氯泄漏桌面推演',
      form: 'tabletop',
      scope: 'combined',
      purpose: 'inspection',
      plans: [{ id: 'plan-hazmat', version: 3 }],
      injects: [{ id: 'i1', no: '1', offsetMs: 0, synopsis: '液氯储罐泄漏', text: '企业报告泄漏。' }],
    },
    controller,
  );
  const runId = await services.drills.createRun(scenarioId, director.personId, controller);
  await services.drills.append(runId, { type: 'comms.checked' }, controller);
  await services.drills.append(runId, { type: 'clock.start' }, controller);
  return runId;
}

function renderButton(runId: string) {
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <AntApp>
        <ServicesProvider services={services}>
          <ArchiveExportButton kind="drill" id={runId} />
        </ServicesProvider>
      </AntApp>
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('导出归档包 of a drill run', () => {
  it(
    'saves the finished run as one package that verifies, and says so with its checksum',
    async () => {
      const runId = await startedRun();
      await services.drills.append(runId, { type: 'run.abort', reason: '真实警情' }, director);
      const user = renderButton(runId);
      await user.click(await screen.findByRole('button', { name: /导出归档包/ }));
      await waitFor(() => expect(platform.saved).toHaveLength(1));
      const [saved] = platform.saved;
      expect(saved?.defaultName).toBe('归档包-演练-化工园区液氯泄漏桌面推演-20260610.json');
      const read = await readArchivePackage(saved!.content as string);
      if (!read.ok) throw new Error(read.message);
      expect(read.archive).toMatchObject({
        kind: 'drill',
        subject: { id: runId },
        exportedBy: '李雨平（导调）',
        manifest: { drillRuns: 1, drillRunScenarios: 1, plans: 1 },
      });
      const rows = Object.values(read.archive.manifest).reduce((a, b) => a + b, 0);
      await screen.findByText(
        `已导出归档包 归档包-演练-化工园区液氯泄漏桌面推演-20260610.json（${rows} 条记录，校验码 ${read.archive.checksum.slice(0, 8)}）`,
      );
    },
    SLOW,
  );

  it(
    'refuses a run still under way, in words, and saves nothing',
    async () => {
      const user = renderButton(await startedRun());
      await user.click(await screen.findByRole('button', { name: /导出归档包/ }));
      await screen.findByText('演练结束后才能导出归档包');
      expect(platform.saved).toEqual([]);
    },
    SLOW,
  );
});
