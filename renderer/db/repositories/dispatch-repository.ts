/**
 * 资源调派 of incidents. The resource moves first through the resources repository — a material is issued
 * from stock (出库, refused when there is not enough), a team is marked 出动, people are placed in a shelter
 * (refused beyond its capacity) — then the dispatch and its log line are written together. A refusal leaves
 * nothing behind; the ledger entry names the dispatch, so the two can always be matched.
 */
import {
  dispatchText,
  DISPATCH_STATUS_TEXT,
  nextDispatchStatuses,
  type Dispatch,
  type DispatchKind,
  type DispatchStatus,
} from '@shared/domain/incident/dispatch';
import type { Actor } from '@shared/domain/org/types';
import { shelterCapacity } from '@shared/domain/resources/shelter-capacity';
import type { EmergencyDeskDatabase } from '../database';
import { appendLog } from './incident-log-writer';
import { RepositoryError } from './repository-error';
import type { ResourceRepository } from './resource-repository';
import { stamp } from './write-helpers';

export interface DispatchRequest {
  kind: DispatchKind;
  resourceId: string;
  /** Materials: how much to issue; shelters: how many people to place. */
  quantity?: number;
  note?: string;
}

export function createDispatchRepository(
  db: EmergencyDeskDatabase,
  resources: ResourceRepository,
  now: () => number = Date.now,
) {
  async function requireOpenIncident(id: string) {
    const incident = await db.incidents.get(id);
    if (!incident) throw new RepositoryError('notFound');
    if (incident.status === 'closed') throw new RepositoryError('incidentClosed');
    return incident;
  }

  const positive = (quantity: number | undefined): number => {
    if (quantity === undefined || !Number.isFinite(quantity) || quantity <= 0)
      throw new RepositoryError('invalidInput', { field: 'quantity', message: 'positiveRequired' });
    return quantity;
  };

  /** Moves the resource itself; returns what the dispatch records of it. */
  async function takeResource(
    incidentTitle: string,
    dispatchId: string,
    request: DispatchRequest,
    actor: Actor,
  ): Promise<Pick<Dispatch, 'name' | 'quantity' | 'unit' | 'warehouseId' | 'stockEntryId'>> {
    const none = { quantity: null, unit: '', warehouseId: null, stockEntryId: null };
    switch (request.kind) {
      case 'material': {
        const quantity = positive(request.quantity);
        const material = await db.materials.get(request.resourceId);
        if (!material) throw new RepositoryError('notFound');
        const entry = await resources.postStock(
          material.id,
          { kind: 'issue', warehouseId: material.warehouseId, quantity },
          { reason: '事件调派', party: incidentTitle, refId: dispatchId },
          actor,
        );
        return {
          name: material.name,
          quantity,
          unit: material.unit,
          warehouseId: material.warehouseId,
          stockEntryId: entry.id,
        };
      }
      case 'team': {
        const team = await db.teams.get(request.resourceId);
        if (!team) throw new RepositoryError('notFound');
        if (team.readiness !== 'deployed')
          await resources.saveRecord('team', { ...team, readiness: 'deployed' }, team.id, actor);
        return { ...none, name: team.name };
      }
      case 'shelter': {
        const quantity = Math.floor(positive(request.quantity));
        const shelter = await db.shelters.get(request.resourceId);
        if (!shelter) throw new RepositoryError('notFound');
        const { perPersonAreaM2 } = await resources.settings();
        const { free } = shelterCapacity(shelter, perPersonAreaM2);
        if (!shelter.open) throw new RepositoryError('shelterClosed', { name: shelter.name });
        if (quantity > free)
          throw new RepositoryError('shelterFull', { name: shelter.name, free: Math.max(0, free) });
        await resources.saveRecord(
          'shelter',
          { ...shelter, occupancy: shelter.occupancy + quantity },
          shelter.id,
          actor,
        );
        return { ...none, name: shelter.name, quantity, unit: '人' };
      }
      case 'expert': {
        const expert = await db.experts.get(request.resourceId);
        if (!expert) throw new RepositoryError('notFound');
        return { ...none, name: expert.name };
      }
      case 'equipment': {
        const item = await db.equipment.get(request.resourceId);
        if (!item) throw new RepositoryError('notFound');
        return { ...none, name: item.name };
      }
    }
  }

  /** Gives back what a withdrawn dispatch holds that can be given back: a team's readiness, shelter places. */
  async function release(dispatch: Dispatch, actor: Actor): Promise<void> {
    if (dispatch.kind === 'team') {
      const team = await db.teams.get(dispatch.resourceId);
      const stillOut = (
        await db.incidentDispatches.where('resourceId').equals(dispatch.resourceId).toArray()
      ).some((d) => d.id !== dispatch.id && d.status !== 'withdrawn');
      if (team && !stillOut && team.readiness === 'deployed')
        await resources.saveRecord('team', { ...team, readiness: 'standby' }, team.id, actor);
    }
    if (dispatch.kind === 'shelter') {
      const shelter = await db.shelters.get(dispatch.resourceId);
      if (shelter)
        await resources.saveRecord(
          'shelter',
          { ...shelter, occupancy: Math.max(0, shelter.occupancy - (dispatch.quantity ?? 0)) },
          shelter.id,
          actor,
        );
    }
  }

  return {
    list: (incidentId: string) =>
      db.incidentDispatches.where('incidentId').equals(incidentId).sortBy('createdAt'),

    async dispatch(incidentId: string, request: DispatchRequest, actor: Actor): Promise<string> {
      const incident = await requireOpenIncident(incidentId);
      const id = crypto.randomUUID();
      const taken = await takeResource(incident.title, id, request, actor);
      const at = now();
      const dispatch: Dispatch = {
        id,
        incidentId,
        kind: request.kind,
        resourceId: request.resourceId,
        ...taken,
        note: request.note?.trim() ?? '',
        status: 'dispatched',
        history: [{ status: 'dispatched', at, by: actor }],
        ...stamp(at, actor),
      };
      await db.transaction('rw', [db.incidents, db.incidentDispatches, db.incidentLog], async () => {
        await db.incidentDispatches.add(dispatch);
        const withNote = dispatch.note ? `（${dispatch.note}）` : '';
        const stock = dispatch.stockEntryId ? '，已出库' : '';
        await appendLog(db, incidentId, [
          {
            at,
            author: actor,
            category: 'resource',
            text: `调派${dispatchText(dispatch)}${stock}${withNote}`,
            links: [{ kind: 'resource', id: dispatch.resourceId }],
            corrects: null,
          },
        ]);
      });
      return id;
    },

    async setStatus(id: string, status: DispatchStatus, actor: Actor): Promise<void> {
      const dispatch = await db.incidentDispatches.get(id);
      if (!dispatch) throw new RepositoryError('notFound');
      await requireOpenIncident(dispatch.incidentId);
      if (!nextDispatchStatuses(dispatch).includes(status))
        throw new RepositoryError('dispatchStatusNotNow', {
          from: DISPATCH_STATUS_TEXT[dispatch.status],
          to: DISPATCH_STATUS_TEXT[status],
        });
      if (status === 'withdrawn') await release(dispatch, actor);
      const at = now();
      await db.transaction('rw', [db.incidents, db.incidentDispatches, db.incidentLog], async () => {
        await db.incidentDispatches.put({
          ...dispatch,
          status,
          history: [...dispatch.history, { status, at, by: actor }],
          ...stamp(at, actor, dispatch),
        });
        await appendLog(db, dispatch.incidentId, [
          {
            at,
            author: actor,
            category: 'resource',
            text: `${dispatchText(dispatch)}：${DISPATCH_STATUS_TEXT[status]}`,
            links: [{ kind: 'resource', id: dispatch.resourceId }],
            corrects: null,
          },
        ]);
      });
    },
  };
}

export type DispatchRepository = ReturnType<typeof createDispatchRepository>;
