import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ResourceSearch, resourcePath } from '../features/resources/ResourceSearch';
import { useUiStore } from '../stores/ui-store';

/** 一键检索 from anywhere (Ctrl+K): Enter opens the result and closes the dialog. */
export function ResourceSearchDialog() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useUiStore((s) => s.resourceSearchOpen);
  const setOpen = useUiStore((s) => s.setResourceSearchOpen);
  return (
    <Modal
      open={open}
      title={t('resources.search.dialogTitle')}
      footer={null}
      width={860}
      onCancel={() => setOpen(false)}
      destroyOnHidden
    >
      <ResourceSearch
        autoFocus
        onOpen={(row) => {
          setOpen(false);
          void navigate(resourcePath(row));
        }}
      />
    </Modal>
  );
}
