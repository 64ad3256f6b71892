import { describe, expect, it } from 'vitest';
import { dutyState } from './duty-state';

describe('the duty state in the header', () => {
  it('is routine with nothing open, warning while a warning runs, and the highest running response otherwise', () => {
    expect(dutyState([])).toEqual({ kind: 'routine' });
    expect(dutyState([{ status: 'closed', phase: 'closed', level: 'I' }])).toEqual({ kind: 'routine' });
    expect(dutyState([{ status: 'open', phase: 'warning', level: null }])).toEqual({ kind: 'warning' });
    expect(
      dutyState([
        { status: 'open', phase: 'warning', level: null },
        { status: 'open', phase: 'response', level: 'IV' },
        { status: 'open', phase: 'response', level: 'II' },
        { status: 'open', phase: 'terminated', level: 'I' },
      ]),
    ).toEqual({ kind: 'response', level: 'II' });
  });
});
