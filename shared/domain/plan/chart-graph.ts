/**
 * The compiled plan's lifecycle as a graph for the diagram: one node per state, one edge per distinct
 * (source, target, event), read from the machine itself so the picture cannot drift from what runs.
 */
import type { AnyStateNode } from 'xstate';
import type { PlanMachine } from './compile-plan';

export interface ChartNode {
  /** The state's path below the lifecycle region: `monitoring`, `response.IV`. */
  id: string;
  parent: string | null;
  isLeaf: boolean;
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  event: string;
}

export interface ChartGraph {
  nodes: ChartNode[];
  edges: ChartEdge[];
}

const REGION = 'lifecycle';

function pathOf(node: AnyStateNode): string {
  return node.path.slice(1).join('.');
}

export function chartGraph(machine: PlanMachine): ChartGraph {
  const region = machine.root.states[REGION];
  if (!region) return { nodes: [], edges: [] };
  const nodes: ChartNode[] = [];
  const edges = new Map<string, ChartEdge>();
  const visit = (node: AnyStateNode, parent: string | null) => {
    const id = pathOf(node);
    const children = Object.values(node.states);
    nodes.push({ id, parent, isLeaf: children.length === 0 });
    for (const [event, transitions] of Object.entries(node.on)) {
      for (const transition of transitions) {
        for (const target of transition.target ?? []) {
          const to = pathOf(target);
          if (to === id) continue;
          const key = `${id}->${to}:${event}`;
          edges.set(key, { id: key, source: id, target: to, event });
        }
      }
    }
    for (const child of children) visit(child, id);
  };
  for (const child of Object.values(region.states)) visit(child, null);
  return { nodes, edges: [...edges.values()] };
}

/** The lifecycle state a snapshot is in, as a node id of `chartGraph` (the deepest active state). */
export function activeChartNode(value: unknown): string | null {
  const lifecycle = (value as Record<string, unknown> | null)?.[REGION];
  if (typeof lifecycle === 'string') return lifecycle;
  if (lifecycle && typeof lifecycle === 'object') {
    const [parent, child] = Object.entries(lifecycle as Record<string, unknown>)[0] ?? [];
    return parent ? `${parent}${typeof child === 'string' ? `.${child}` : ''}` : null;
  }
  return null;
}

/**
 * The graph as people draw it: a transition into every level from outside becomes one arrow into 应急响应,
 * the same transition out of every level becomes one arrow out of it, and between levels only neighbours
 * are joined (Ⅳ→Ⅲ up, Ⅲ→Ⅳ down); a jump of two levels is still allowed, it is just not drawn.
 */
export function drawingGraph(graph: ChartGraph): ChartGraph {
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const children = (parent: string) => graph.nodes.filter((n) => n.parent === parent).map((n) => n.id);
  const edges = new Map<string, ChartEdge>();
  const add = (source: string, target: string, event: string) => {
    const id = `${source}->${target}:${event}`;
    edges.set(id, { id, source, target, event });
  };
  for (const edge of graph.edges) {
    const sourceParent = parentOf.get(edge.source) ?? null;
    const targetParent = parentOf.get(edge.target) ?? null;
    if (targetParent && sourceParent !== targetParent) {
      const siblings = children(targetParent);
      const all = siblings.every((s) =>
        graph.edges.some((e) => e.source === edge.source && e.target === s && e.event === edge.event),
      );
      if (all) add(edge.source, targetParent, edge.event);
      else add(edge.source, edge.target, edge.event);
    } else if (sourceParent && sourceParent !== targetParent) {
      const siblings = children(sourceParent);
      const all = siblings.every((s) =>
        graph.edges.some((e) => e.source === s && e.target === edge.target && e.event === edge.event),
      );
      add(all ? sourceParent : edge.source, edge.target, edge.event);
    } else if (sourceParent && sourceParent === targetParent) {
      const siblings = children(sourceParent);
      if (Math.abs(siblings.indexOf(edge.source) - siblings.indexOf(edge.target)) === 1)
        add(edge.source, edge.target, edge.event);
    } else {
      add(edge.source, edge.target, edge.event);
    }
  }
  return { nodes: graph.nodes, edges: [...edges.values()] };
}
