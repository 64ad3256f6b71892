import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, type FormListFieldData, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form list edited in place: one row of fields per item, a delete button at its end, an add button below. */
export function EditableList({
  name,
  addLabel,
  newItem,
  children,
}: {
  name: string | (string | number)[];
  addLabel: string;
  newItem: () => object;
  children: (field: FormListFieldData) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap className="editor-row">
              {children(field)}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add(newItem())}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Free-text items typed one by one (Enter after each), with no dropdown: measures, revision triggers, categories. */
export function TagsInput(props: Omit<SelectProps<string[]>, 'mode' | 'open' | 'suffixIcon'>) {
  return <Select {...props} mode="tags" open={false} suffixIcon={null} />;
}
