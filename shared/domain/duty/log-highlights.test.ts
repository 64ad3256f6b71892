import { describe, expect, it } from 'vitest';
import { as, samplePlan, startPlan } from '../../../test/support/plan-driver';
import { journalToLog } from '../incident/incident-log';
import { highlightKind, isClosingLine } from './log-highlights';

describe('log lines a daily brief names', () => {
  it('finds the level decisions in the lines a real plan writes, and nothing else', () => {
    const run = startPlan(samplePlan('sample-hazmat'));
    run.observe('deaths', 1);
    run.approve('IV', as.secretary);
    run.observe('deaths', 4);
    run.approve('III', as.secretary);
    run.observe('controlled', true);
    run.stepDown('IV', as.secretary);
    run.terminate(as.secretary);
    run.send({ type: 'aftermath.begin', at: run.now, by: as.secretary });
    run.send({ type: 'case.close', summary: '处置完毕', at: run.now, by: as.secretary });

    const lines = journalToLog(run.snapshot().context.journal);
    const named = lines.flatMap((line) => {
      const kind = highlightKind(line);
      return kind ? [[kind, line.text.split('：')[0]]] : [];
    });
    expect(named).toEqual([
      ['levelStarted', '批准启动Ⅳ级响应'],
      ['levelStarted', '批准启动Ⅲ级响应'],
      ['levelAdjusted', 'Ⅲ级响应调整为Ⅳ级响应'],
      ['responseEnded', '宣布Ⅳ级响应终止'],
    ]);
    expect(lines.filter(isClosingLine).map((l) => l.text)).toEqual(['关闭：处置完毕']);
  });

  it('finds a grade change, and ignores a note that quotes a decision', () => {
    const decision = { category: 'decision' as const, text: '事件分级由一般调整为较大（报送时限随之调整）' };
    expect(highlightKind(decision)).toBe('gradeChanged');
    expect(highlightKind({ category: 'note', text: '批准启动Ⅳ级响应：转述' })).toBeNull();
    expect(highlightKind({ category: 'decision', text: '研判建议启动Ⅳ级响应' })).toBeNull();
  });
});
