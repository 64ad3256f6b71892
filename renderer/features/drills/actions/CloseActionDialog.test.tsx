import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorrectiveAction, EvidenceInput } from '@shared/domain/drill/corrective-action';
import type { Actor } from '@shared/domain/org/types';
import { createI18n } from '@renderer/i18n/i18n';
import { openActionFixture } from '../../../../test/support/corrective-action-fixture';
import { CloseActionDialog } from './CloseActionDialog';

const officer: Actor = { personId: 'p1', name: '李雨平', positionId: 'x', positionName: '导调' };
const AT = new Date(2026, 5, 10, 10, 0).getTime();
let fixture: Awaited<ReturnType<typeof openActionFixture>>;

beforeEach(async () => {
  fixture = await openActionFixture(officer, () => AT);
});
afterEach(async () => {
  await fixture.drop();
});

/** An open action in a real (fake-indexeddb) database, and the dialog closing it through the repository. */
async function renderDialog() {
  const { actions, id } = fixture;
  const onSubmit = vi.fn(async (evidence: EvidenceInput) => {
    await actions.close(id, evidence, officer);
    return true;
  });
  const onClose = vi.fn();
  const action = (await actions.get(id)) as CorrectiveAction;
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <AntApp>
        <CloseActionDialog action={action} onSubmit={onSubmit} onClose={onClose} />
      </AntApp>
    </I18nextProvider>,
  );
  return { id, actions, onSubmit, onClose, user: userEvent.setup() };
}

describe('完成整改', () => {
  it('refuses to close without evidence or with too brief evidence, and closes once evidence is written', async () => {
    const { id, actions, onSubmit, onClose, user } = await renderDialog();
    const confirm = await screen.findByRole('button', { name: '确认完成' });
    const evidence = screen.getByLabelText('整改佐证');

    await user.click(confirm);
    expect(await screen.findByText('完成整改须提交整改佐证：请写明已采取的措施及可查的记录')).toBeTruthy();
    await user.type(evidence, '   ');
    await user.click(confirm);
    expect(await screen.findByText('完成整改须提交整改佐证：请写明已采取的措施及可查的记录')).toBeTruthy();
    await user.clear(evidence);
    await user.type(evidence, '已整改');
    await user.click(confirm);
    expect(
      await screen.findByText('整改佐证过于简略（不少于 10 个字），请写明做了什么、凭什么记录可查'),
    ).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    expect((await actions.get(id))?.status).toBe('open');

    await user.clear(evidence);
    // Pasted, not typed key by key: the rule is what is tested, not the keyboard.
    await user.click(evidence);
    await user.paste('已印发预警信息转发流程（区应急〔2026〕8号）');
    await user.type(screen.getByLabelText('佐证材料（文件名）'), '转发流程.pdf{Enter}');
    await user.click(confirm);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      text: '已印发预警信息转发流程（区应急〔2026〕8号）',
      files: ['转发流程.pdf'],
    });
    const closed = await actions.get(id);
    expect(closed?.status).toBe('closed');
    expect(closed?.evidence?.files).toEqual(['转发流程.pdf']);
    // Two cores shared with other suites: antd's first render alone can take seconds.
  }, 60_000);
});
