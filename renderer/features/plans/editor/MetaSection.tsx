import { Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILING_STATUSES, HAZARD_CATEGORIES, PLAN_TYPES } from '@shared/domain/plan/plan-schema';
import type { DirectoryData } from '../../directory/useDirectoryData';
import { unitTreeSelectData } from '../../directory/unit-tree-select';
import { TagsInput } from '../../../ui/EditableList';
import { useLatestPlans } from '../usePlans';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 基本信息: title, type, hazard, issuing unit, dates, filing. Dates are typed as 2024-03-01. */
export function MetaSection({ directory, planId }: { directory: DirectoryData; planId: string }) {
  const { t } = useTranslation();
  const plans = useLatestPlans() ?? [];
  const parents = plans.filter((p) => p.id !== planId).map((p) => ({ value: p.id, label: p.meta.title }));
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const date = { pattern: DATE, message: t('plans.editor.dateFormat') };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Form.Item name={['meta', 'title']} label={t('plans.columns.title')} rules={[required]}>
          <Input maxLength={80} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'planType']} label={t('plans.columns.type')} rules={[required]}>
          <Select options={PLAN_TYPES.map((v) => ({ value: v, label: t(`plans.types.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'hazardCategory']} label={t('plans.editor.category')} rules={[required]}>
          <Select options={HAZARD_CATEGORIES.map((v) => ({ value: v, label: t(`plans.categories.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item
          name={['meta', 'hazardType']}
          label={t('plans.columns.hazard')}
          rules={[required]}
          extra={t('plans.editor.hazardHint')}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name="commandBody" label={t('plans.detail.commandBody')} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'issuingUnitId']} label={t('plans.detail.issuingUnit')}>
          <TreeSelect
            allowClear
            treeData={unitTreeSelectData(directory.units)}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'edition']} label={t('plans.detail.edition')}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'effectiveDate']} label={t('plans.detail.effectiveDate')} rules={[date]}>
          <Input placeholder="2026-01-01" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'nextReviewDate']} label={t('plans.detail.nextReviewDate')} rules={[date]}>
          <Input placeholder="2029-01-01" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'lastDrillDate']} label={t('plans.detail.lastDrillDate')} rules={[date]}>
          <Input placeholder="2026-01-01" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item
          name={['meta', 'drillIntervalMonths']}
          label={t('plans.detail.drillInterval')}
          extra={t('plans.editor.drillHint')}
        >
          <InputNumber
            min={1}
            max={60}
            precision={0}
            addonAfter={t('plans.editor.monthsUnit')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'filing', 'status']} label={t('plans.columns.filing')}>
          <Select options={FILING_STATUSES.map((v) => ({ value: v, label: t(`plans.filing.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'filing', 'withUnit']} label={t('plans.detail.filedWith')}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} xl={12}>
        <Form.Item
          name={['meta', 'parentPlanId']}
          label={t('plans.editor.parentPlan')}
          extra={t('plans.editor.parentPlanHint')}
        >
          <Select allowClear options={parents} />
        </Form.Item>
      </Col>
      <Col xs={12} xl={6}>
        <Form.Item name={['meta', 'filing', 'date']} label={t('plans.editor.filingDate')} rules={[date]}>
          <Input placeholder="2026-01-01" maxLength={10} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={['meta', 'revisionTriggers']}
          label={t('plans.detail.revisionTriggers')}
          extra={t('plans.editor.measuresHint')}
        >
          <TagsInput />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['meta', 'summary']} label={t('plans.detail.summary')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}
