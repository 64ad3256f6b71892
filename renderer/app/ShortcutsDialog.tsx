import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../stores/ui-store';

const KEYS = [
  ['Alt+1 … Alt+8', 'shortcuts.navigate'],
  ['F2', 'shortcuts.switchOperator'],
  ['Ctrl+K', 'shortcuts.resourceSearch'],
  ['Alt+J', 'shortcuts.newIntake'],
  ['Alt+L', 'shortcuts.logEntry'],
  ['Alt+R', 'shortcuts.report'],
  ['Ctrl+F', 'shortcuts.search'],
  ['Alt+N', 'shortcuts.newPerson'],
  ['F1', 'shortcuts.help'],
] as const;

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useUiStore((s) => s.shortcutsOpen);
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  return (
    <Modal open={open} title={t('shortcuts.title')} footer={null} onCancel={() => setOpen(false)}>
      <Descriptions column={1} size="small" bordered>
        {KEYS.map(([keys, label]) => (
          <Descriptions.Item key={keys} label={<Typography.Text keyboard>{keys}</Typography.Text>}>
            {t(label)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Modal>
  );
}
