/**
 * An incident opened by a drill run (演练事件): the plan's real chart and the desk's real workflow, but
 * marked 演练 everywhere, numbered apart from real incidents, and kept out of everything that describes the
 * real situation (the duty state, the roster's needs, handovers, briefs and statistics).
 */
import type { Incident } from './incident';

/** Every message a drill incident produces starts with this, so no one takes it for a real one. */
export const DRILL_PREFIX = '【演练】';

/** 演练事件 serials live in their own series, so a drill never takes a number from the real register. */
export const DRILL_SERIAL_PREFIX = '演练-';

export const isDrillIncident = (incident: Pick<Incident, 'drill'>): boolean => Boolean(incident.drill);

/** The incidents that are real: what the desk's state, handovers and statistics are made of. */
export function realIncidents<T extends Pick<Incident, 'drill'>>(incidents: readonly T[]): T[] {
  return incidents.filter((incident) => !isDrillIncident(incident));
}

/** The text as the incident sends it: prefixed once for a drill incident, unchanged for a real one. */
export function incidentMessage(incident: Pick<Incident, 'drill'>, text: string): string {
  if (!isDrillIncident(incident) || text.startsWith(DRILL_PREFIX)) return text;
  return `${DRILL_PREFIX}${text}`;
}
