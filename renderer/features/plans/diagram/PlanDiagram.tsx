import { Background, Controls, MarkerType, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartGraph, drawingGraph } from '@shared/domain/plan/chart-graph';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import { LEVEL_COLOUR, levelLabel, type ResponseLevel } from '@shared/domain/plan/levels';
import { LEVEL_STYLE } from '../LevelTag';
import { layoutChart, type ChartLayout } from './layout-chart';

/** The compiled statechart, drawn from the machine itself; the state a run is in is lit. */
export function PlanDiagram({
  machine,
  active,
  height = 360,
}: {
  machine: PlanMachine;
  active: string | null;
  height?: number;
}) {
  const { t } = useTranslation();
  const graph = useMemo(() => drawingGraph(chartGraph(machine)), [machine]);
  const [layout, setLayout] = useState<ChartLayout | null>(null);
  useEffect(() => {
    let current = true;
    void layoutChart(graph).then((l) => current && setLayout(l));
    return () => {
      current = false;
    };
  }, [graph]);

  const { nodes, edges } = useMemo(() => {
    if (!layout) return { nodes: [], edges: [] };
    const nodes: Node[] = graph.nodes.map((n) => {
      const box = layout.get(n.id) ?? { x: 0, y: 0, width: 100, height: 40 };
      const level = n.id.startsWith('response.') ? (n.id.slice('response.'.length) as ResponseLevel) : null;
      const isActive = n.id === active || (active?.startsWith(`${n.id}.`) ?? false);
      const levelStyle = level ? LEVEL_STYLE[LEVEL_COLOUR[level]] : null;
      return {
        id: n.id,
        position: { x: box.x, y: box.y },
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
        data: { label: level ? `${levelLabel(level)}响应` : t(`plans.diagram.states.${n.id}`) },
        draggable: false,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        selectable: false,
        className: isActive && n.isLeaf ? 'chart-node chart-node-active' : 'chart-node',
        style: {
          width: box.width,
          height: box.height,
          ...(n.isLeaf ? {} : { background: 'rgba(31, 95, 173, 0.04)', alignItems: 'flex-start' }),
          ...(levelStyle && isActive
            ? { background: levelStyle.background, color: levelStyle.color, borderColor: levelStyle.border }
            : {}),
          ...(levelStyle && !isActive ? { borderColor: levelStyle.border, borderWidth: 2 } : {}),
          ...(!levelStyle && isActive && n.isLeaf ? { background: '#e6f0fa', borderColor: '#1f5fad' } : {}),
        },
      };
    });
    const edges: Edge[] = graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: t(`plans.diagram.events.${e.event.replace('.', '_')}`, { defaultValue: e.event }),
      type: 'smoothstep',
      markerEnd: { type: MarkerType.ArrowClosed },
      style: { stroke: '#8c8c8c' },
      labelStyle: { fontSize: 11 },
    }));
    return { nodes, edges };
  }, [graph, layout, active, t]);

  return (
    <div
      className="plan-diagram"
      style={{ height }}
      data-testid="plan-diagram"
      data-active-state={active ?? ''}
    >
      {layout ? (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
          minZoom={0.2}
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
        </ReactFlow>
      ) : (
        <Spin style={{ margin: 48 }} />
      )}
    </div>
  );
}
