/**
 * 资源调派 for an incident: a team, an amount of a material (issued from stock), an expert, equipment, or
 * people placed in a shelter. Each dispatch moves 已调派 → 在途 → 到达, or is 撤回 at any point before it is
 * over; every move keeps its time and who recorded it.
 */
import type { Actor, Authored } from '../org/types';
import type { ResourceKind } from '../resources/resource-types';

export const DISPATCH_STATUSES = ['dispatched', 'enRoute', 'arrived', 'withdrawn'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export const DISPATCH_STATUS_TEXT: Record<DispatchStatus, string> = {
  dispatched: '已调派',
  enRoute: '在途',
  arrived: '到达',
  withdrawn: '撤回',
};

export type DispatchKind = Exclude<ResourceKind, 'warehouse'>;

export interface Dispatch extends Authored {
  id: string;
  incidentId: string;
  kind: DispatchKind;
  resourceId: string;
  name: string;
  /** Materials: the amount issued; shelters: people placed; null otherwise. */
  quantity: number | null;
  unit: string;
  /** Materials: the warehouse issued from and the ledger entry (出库) that took the stock. */
  warehouseId: string | null;
  stockEntryId: string | null;
  note: string;
  status: DispatchStatus;
  history: { status: DispatchStatus; at: number; by: Actor }[];
}

const NEXT: Record<DispatchStatus, readonly DispatchStatus[]> = {
  dispatched: ['enRoute', 'arrived', 'withdrawn'],
  enRoute: ['arrived', 'withdrawn'],
  arrived: ['withdrawn'],
  withdrawn: [],
};

/** The statuses a dispatch may move to now (a shelter placement has no journey: placed, then withdrawn). */
export function nextDispatchStatuses(dispatch: Pick<Dispatch, 'status' | 'kind'>): DispatchStatus[] {
  const next = NEXT[dispatch.status];
  return dispatch.kind === 'shelter' ? next.filter((s) => s === 'withdrawn') : [...next];
}

/** "救援队伍 滨江防汛抢险队", "物资 编织袋 500条", "避难场所 滨江小学 安置120人". */
export function dispatchText(d: Pick<Dispatch, 'kind' | 'name' | 'quantity' | 'unit'>): string {
  const kind = { team: '救援队伍', material: '物资', expert: '专家', equipment: '装备', shelter: '避难场所' }[
    d.kind
  ];
  if (d.kind === 'shelter') return `${kind} ${d.name} 安置${d.quantity ?? 0}人`;
  return d.quantity === null ? `${kind} ${d.name}` : `${kind} ${d.name} ${d.quantity}${d.unit}`;
}
