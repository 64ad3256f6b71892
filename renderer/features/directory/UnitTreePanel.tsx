import { Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '@shared/domain/org/types';
import { buildUnitTree, type UnitNode } from '@shared/domain/org/unit-tree';

const ALL = '__all__';

/** Unit tree with head counts; choosing a unit lists its people and those of every unit below it. */
export function UnitTreePanel({
  units,
  people,
  selectedUnitId,
  onSelect,
}: {
  units: Unit[];
  people: Person[];
  selectedUnitId: string | null;
  onSelect: (unitId: string | null) => void;
}) {
  const { t } = useTranslation();
  const treeData = useMemo(() => {
    const direct = new Map<string, number>();
    for (const p of people) direct.set(p.unitId, (direct.get(p.unitId) ?? 0) + 1);
    const toNode = (node: UnitNode): DataNode & { total: number } => {
      const children = node.children.map(toNode);
      const total = (direct.get(node.unit.id) ?? 0) + children.reduce((sum, c) => sum + c.total, 0);
      return {
        key: node.unit.id,
        total,
        title: (
          <span>
            {node.unit.name} <Typography.Text type="secondary">({total})</Typography.Text>
          </span>
        ),
        children,
      };
    };
    return [
      {
        key: ALL,
        title: (
          <span>
            {t('directory.allUnits')} <Typography.Text type="secondary">({people.length})</Typography.Text>
          </span>
        ),
        children: buildUnitTree(units).map(toNode),
      },
    ];
  }, [units, people, t]);

  return (
    <Tree
      blockNode
      showLine
      defaultExpandedKeys={[ALL, ...units.filter((u) => u.parentId === null).map((u) => u.id)]}
      selectedKeys={[selectedUnitId ?? ALL]}
      treeData={treeData}
      onSelect={(keys) => {
        const key = keys[0];
        onSelect(key === undefined || key === ALL ? null : String(key));
      }}
      style={{ overflow: 'auto', height: '100%' }}
    />
  );
}
