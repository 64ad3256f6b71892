/**
 * Lays out the plan's statechart with ELK (layered, left to right, the response levels grouped inside the
 * 应急响应 box). A layout costs a few hundred milliseconds here, so each distinct graph is laid out once per
 * session and reused by every screen that draws it.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ChartGraph } from '@shared/domain/plan/chart-graph';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ChartLayout = Map<string, Box>;

const LEAF = { width: 116, height: 40 };
const elk = new ELK();
const cache = new Map<string, Promise<ChartLayout>>();

export function layoutChart(graph: ChartGraph): Promise<ChartLayout> {
  const key = JSON.stringify(graph);
  let layout = cache.get(key);
  if (!layout) {
    layout = computeLayout(graph);
    cache.set(key, layout);
  }
  return layout;
}

async function computeLayout(graph: ChartGraph): Promise<ChartLayout> {
  const toElk = (parent: string | null): ElkNode[] =>
    graph.nodes
      .filter((n) => n.parent === parent)
      .map((n) =>
        n.isLeaf
          ? { id: n.id, ...LEAF }
          : {
              id: n.id,
              layoutOptions: {
                'elk.padding': '[top=36,left=12,bottom=12,right=12]',
                'elk.direction': 'DOWN',
              },
              children: toElk(n.id),
            },
      );
  const root = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '24',
    },
    children: toElk(null),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const boxes: ChartLayout = new Map();
  const collect = (nodes: ElkNode[] | undefined) => {
    for (const n of nodes ?? []) {
      boxes.set(n.id, {
        x: n.x ?? 0,
        y: n.y ?? 0,
        width: n.width ?? LEAF.width,
        height: n.height ?? LEAF.height,
      });
      collect(n.children);
    }
  };
  collect(root.children);
  return boxes;
}
