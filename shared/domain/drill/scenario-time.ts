/**
 * Scenario time as trainers write it: "T+1h20m", "T+80m", "T+1:20", "01:20:00", "80" (minutes) — all mean one
 * hour twenty after T+0. Offsets are whole milliseconds from T+0; the written form is always "T+1h20m".
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS =
  /^(?:(\d+)\s*(?:d|天))?\s*(?:(\d+)\s*(?:h|小时|时))?\s*(?:(\d+)\s*(?:m|min|分钟|分))?\s*(?:(\d+)\s*(?:s|秒))?$/i;
const COLONS = /^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$/;

/** Parses a written offset; null when it cannot be read (the caller names the cell). */
export function parseOffset(written: string): number | null {
  const text = written
    .trim()
    .replace(/^T\s*\+?\s*/i, '')
    .replace(/：/g, ':')
    .trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * MINUTE;
  const colons = COLONS.exec(text);
  if (colons) {
    const [, h, m, s] = colons;
    if (Number(m) > 59 || Number(s ?? 0) > 59) return null;
    return Number(h) * HOUR + Number(m) * MINUTE + Number(s ?? 0) * 1000;
  }
  const units = UNITS.exec(text);
  if (!units || units.slice(1).every((part) => part === undefined)) return null;
  const [, d, h, m, s] = units;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(m ?? 0) * MINUTE + Number(s ?? 0) * 1000;
}

/** "T+1h20m"; seconds only when there are some; "T+0" at the start. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('');
  return `T+${parts || '0'}`;
}

/** The running scenario clock as "T+01:20:05" (hours may exceed 24 in a long drill). */
export function formatScenarioClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `T+${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
