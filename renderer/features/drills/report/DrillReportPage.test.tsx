import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@shared/domain/drill/scenario';
import type { Actor } from '@shared/domain/org/types';
import { createI18n } from '@renderer/i18n/i18n';
import { ServicesProvider, type Services } from '@renderer/services/services';
import { openReportFixture } from '../../../../test/support/drill-report-fixture';
import { fakePlatform, type FakePlatform } from '../../../../test/support/render-app';
import { DrillReportPage } from './DrillReportPage';

const MIN = 60_000;
/** antd dialogs and live queries in jsdom on two shared cores: the default 20 s is tight under load. */
const SLOW = 60_000;
const T = new Date(2026, 5, 10, 9, 30).getTime();
const controller: Actor = { personId: 'c', name: '李雨平', positionId: 'x', positionName: '导调' };
const director: Actor = { personId: 'd', name: '李伟涛', positionId: 'x', positionName: '总指挥' };
const evaluator: Actor = { personId: 'e', name: '江天成', positionId: 'x', positionName: '评估' };

const SCENARIO: ScenarioInput = {
  title: '化工园区液氯泄漏桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
  plans: [{ id: 'plan-hazmat', version: 3 }],
  units: ['区应急管理局', '安澜街道'],
  evaluators: ['江天成'],
  injects: [
    {
      id: 'i1',
      no: '1',
      offsetMs: 0,
      synopsis: '液氯储罐泄漏',
      text: '企业报告泄漏。',
      planClause: '5.3 人员疏散',
      expectedActions: [{ id: 'a1', text: '组织疏散', windowMinutes: 10 }],
    },
  ],
};

// jsdom cannot draw; echarts measures text on a canvas and copes with none (jsdom would log each miss).
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
});

let services: Services;
let drop: () => Promise<void>;
let platform: FakePlatform & { printedWith: string[] };
let clock = T;

beforeEach(async () => {
  clock = T;
  const fake = fakePlatform();
  platform = Object.assign(fake, {
    printedWith: [] as string[],
    printToPdf: async () => {
      // What the paper gets: the body class the print rules hang on, at the moment of printing.
      platform.printedWith.push(document.body.className);
      return { saved: false as const };
    },
  });
  ({ services, drop } = await openReportFixture({
    platform,
    now: () => clock,
    director,
    signedIn: evaluator,
    plan: { id: 'plan-hazmat', version: 3, title: '区危险化学品事故应急预案' },
  }));
});
afterEach(async () => {
  await drop();
});

/** A finished run: the leak goes out, evacuation is not seen, ENDEX, one rating and one problem on 5.3. */
async function finishedRun(): Promise<string> {
  const { drills } = services;
  const scenarioId = await drills.saveScenario(SCENARIO, controller);
  const runId = await drills.createRun(scenarioId, director.personId, controller);
  await drills.append(runId, { type: 'comms.checked' }, controller);
  await drills.append(runId, { type: 'clock.start' }, controller);
  clock += 1000;
  await drills.deliverDue(runId, clock, controller);
  clock += 4 * MIN;
  await drills.append(
    runId,
    { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'notObserved', observedAt: clock },
    controller,
  );
  await drills.append(runId, { type: 'run.endex' }, director);
  clock += MIN;
  await drills.append(runId, { type: 'eval.rate', capability: '紧急动员', rating: 'M', note: '' }, evaluator);
  await drills.append(
    runId,
    {
      type: 'eval.observe',
      text: '疏散指令经街道转达用时过长',
      capability: '紧急动员',
      injectId: 'i1',
      finding: 'problem',
      actionId: 'a1',
      planClause: '5.3 人员疏散',
    },
    evaluator,
  );
  return runId;
}

function renderReport(runId: string) {
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <AntApp>
        <ServicesProvider services={services}>
          <MemoryRouter initialEntries={[`/drills/runs/${runId}/report`]}>
            <Routes>
              <Route path="/drills/runs/:id/report" element={<DrillReportPage />} />
            </Routes>
          </MemoryRouter>
        </ServicesProvider>
      </AntApp>
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('评估报告', () => {
  it(
    'numbers the AQ/T 9009 sections, shows the findings with their coverage, and makes a revision from the problem',
    async () => {
      const runId = await finishedRun();
      const user = renderReport(runId);
      const sheet = await screen.findByTestId('drill-report-sheet');
      await within(sheet).findByText('化工园区液氯泄漏桌面推演评估报告');
      const titles = [...sheet.querySelectorAll('.brief-section-title')].map((h) => h.textContent);
      expect(titles).toEqual([
        '一、演练基本情况',
        '二、演练评估过程',
        '三、情景与时间线',
        '四、评估发现',
        '五、演练数据',
        '六、改进的意见和建议',
        '七、预案修订建议',
        '八、评估结论',
      ]);
      expect(within(sheet).getByTestId('report-overview').textContent).toContain(
        '《区危险化学品事故应急预案》第3版',
      );
      // Written after ENDEX, the observation stands at the scenario's last moment.
      const mobilisation = within(sheet)
        .getAllByRole('row')
        .find((row) => row.textContent?.startsWith('紧急动员'));
      expect(mobilisation?.textContent).toBe('紧急动员江天成：M601/1 人0 / 1');
      expect(within(sheet).getByTestId('report-conclusion').textContent).toContain(
        '已评定 1 项（8%），已评定项目平均分 60 分，折算等级“中”。该结论仅代表已评定的项目，另有 11 项未评定。',
      );
      expect(within(sheet).getByTestId('report-recommendations').textContent).toContain(
        '【紧急动员】疏散指令经街道转达用时过长。建议修订预案 5.3 人员疏散',
      );

      await user.click(within(sheet).getByRole('button', { name: '生成修订建议（1 条）' }));
      const row = await within(sheet).findByTestId('revision-row');
      expect(row.textContent).toContain('5.3 人员疏散');
      expect(row.textContent).toContain(
        '【紧急动员】江天成（T+4m1s，情景 1「液氯储罐泄漏」）：疏散指令经街道转达用时过长',
      );
      expect(within(row).getByText('建议')).toBeTruthy();
      const [stored] = await services.planRevisions.listByRun(runId);
      expect(stored).toMatchObject({ planId: 'plan-hazmat', planVersion: 3, status: 'proposed' });
      expect(within(sheet).queryByRole('button', { name: /生成修订建议/ })).toBeNull();

      // Submitting without a suggested change opens it to write one; written, it goes to the plan.
      await user.click(within(row).getByRole('button', { name: /^提\s*交$/ }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByLabelText('修订建议'));
      await user.paste('明确街道接令后15分钟内入户通知');
      await user.click(within(dialog).getByRole('button', { name: '保存并提交' }));
      await waitFor(async () => expect((await services.planRevisions.get(stored!.id))?.status).toBe('sent'));
      await within(sheet).findByText('已提交');
    },
    SLOW,
  );

  it(
    'prints the sheet with the print class on, and gives leadership the short 总结报告',
    async () => {
      const runId = await finishedRun();
      const user = renderReport(runId);
      await screen.findByTestId('drill-report-sheet');
      await user.click(screen.getByRole('button', { name: /导出PDF/ }));
      await waitFor(() => expect(platform.printedWith).toEqual(['print-sheet']));
      expect(document.body.classList.contains('print-sheet')).toBe(false);

      await user.click(screen.getByText('总结报告'));
      const sheet = await screen.findByTestId('drill-report-sheet');
      await waitFor(() => expect(sheet.dataset['kind']).toBe('summary'));
      const titles = [...sheet.querySelectorAll('.brief-section-title')].map((h) => h.textContent);
      expect(titles).toEqual(['一、演练基本概要', '二、取得的经验', '三、发现的问题', '四、下一步工作建议']);
      expect(within(sheet).getByTestId('summary-problems').textContent).toBe(
        '【紧急动员】疏散指令经街道转达用时过长（情景 1）情景 1 的预期行动“组织疏散”未达成。',
      );
    },
    SLOW,
  );
});
