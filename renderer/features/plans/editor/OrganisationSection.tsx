import { Card, Form, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditableList } from '../../../ui/EditableList';
import type { DirectoryData } from '../../directory/useDirectoryData';
import { unitTreeSelectData } from '../../directory/unit-tree-select';
import { newId } from './plan-form';

/** 组织指挥体系: the command roles (bound to directory positions and people) and the working groups. */
export function OrganisationSection({ directory }: { directory: DirectoryData }) {
  const { t } = useTranslation();
  const positions = directory.positions.map((p) => ({ value: p.id, label: p.name }));
  const people = directory.people.map((p) => ({
    value: p.id,
    label: `${p.name}（${directory.unitById.get(p.unitId)?.name ?? ''}）`,
  }));
  const units = unitTreeSelectData(directory.units);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Card size="small" title={t('plans.detail.roles')} style={{ marginBottom: 12 }}>
        <EditableList
          name="roles"
          addLabel={t('plans.editor.addRole')}
          newItem={() => ({ id: newId('r'), name: '', positionIds: [], personIds: [] })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'name']} rules={required}>
                <Input
                  placeholder={t('plans.editor.roleName')}
                  aria-label={t('plans.editor.roleName')}
                  style={{ width: 150 }}
                  maxLength={30}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'positionIds']}>
                <Select
                  mode="multiple"
                  options={positions}
                  placeholder={t('plans.editor.boundPositions')}
                  aria-label={t('plans.editor.boundPositions')}
                  style={{ width: 260 }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'personIds']}>
                <Select
                  mode="multiple"
                  options={people}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('plans.editor.boundPeople')}
                  aria-label={t('plans.editor.boundPeople')}
                  style={{ width: 320 }}
                />
              </Form.Item>
            </>
          )}
        </EditableList>
      </Card>
      <Card size="small" title={t('plans.detail.groups')}>
        <EditableList
          name="groups"
          addLabel={t('plans.editor.addGroup')}
          newItem={() => ({
            id: newId('g'),
            name: '',
            leadUnitId: null,
            memberUnitIds: [],
            leaderRoleId: null,
            duties: '',
          })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'name']} rules={required}>
                <Input
                  placeholder={t('plans.editor.groupName')}
                  aria-label={t('plans.editor.groupName')}
                  style={{ width: 140 }}
                  maxLength={30}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'leadUnitId']}>
                <TreeSelect
                  allowClear
                  treeData={units}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder={t('plans.detail.leadUnit')}
                  style={{ width: 220 }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'memberUnitIds']}>
                <TreeSelect
                  multiple
                  allowClear
                  treeData={units}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder={t('plans.detail.members')}
                  style={{ width: 280 }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'duties']}>
                <Input placeholder={t('plans.detail.duties')} style={{ width: 260 }} maxLength={500} />
              </Form.Item>
            </>
          )}
        </EditableList>
      </Card>
    </>
  );
}
