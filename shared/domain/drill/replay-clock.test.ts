import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  isAtEnd,
  nextMoment,
  pause,
  play,
  positionAt,
  previousMoment,
  replayClock,
  seek,
  setSpeed,
  settle,
  visibleItems,
  type ReplayClock,
} from './replay-clock';

const SECOND = 1000;

describe('replay clock', () => {
  const NOW = 1_000_000;

  it('plays ten seconds of the run in one second at ×10, holds while paused, and stops at the end', () => {
    let clock = replayClock(100 * SECOND, NOW);
    clock = setSpeed(clock, 10, NOW);
    clock = play(clock, NOW);
    expect(positionAt(clock, NOW + SECOND)).toBe(10 * SECOND);
    expect(positionAt(clock, NOW + 10 * SECOND)).toBe(100 * SECOND);
    clock = pause(clock, NOW + 3 * SECOND);
    expect(clock.isPlaying).toBe(false);
    expect(positionAt(clock, NOW + 60 * SECOND)).toBe(30 * SECOND);
    clock = play(clock, NOW + 60 * SECOND);
    expect(positionAt(clock, NOW + 61 * SECOND)).toBe(40 * SECOND);
    // Past the end it stands at the end; settling stops it there.
    expect(positionAt(clock, NOW + 3_600 * SECOND)).toBe(100 * SECOND);
    expect(isAtEnd(clock, NOW + 67 * SECOND)).toBe(true);
    expect(settle(clock, NOW + 70 * SECOND)).toMatchObject({ positionMs: 100 * SECOND, isPlaying: false });
  });

  it('changes speed from where it stands, and plays from the start again once at the end', () => {
    let clock = play(replayClock(60 * SECOND, NOW, 2), NOW);
    clock = setSpeed(clock, 30, NOW + 5 * SECOND);
    expect(positionAt(clock, NOW + 5 * SECOND)).toBe(10 * SECOND);
    expect(positionAt(clock, NOW + 6 * SECOND)).toBe(40 * SECOND);
    clock = settle(clock, NOW + 10 * SECOND);
    expect(clock.isPlaying).toBe(false);
    clock = play(clock, NOW + 11 * SECOND);
    expect(positionAt(clock, NOW + 11 * SECOND)).toBe(0);
    expect(clock.isPlaying).toBe(true);
    expect(setSpeed(clock, 500, NOW).speed).toBe(60);
    expect(setSpeed(clock, 0, NOW).speed).toBe(1);
  });

  it('jumps to a moment, within the run, and keeps playing from there', () => {
    let clock = play(replayClock(60 * SECOND, NOW, 10), NOW);
    clock = seek(clock, 20 * SECOND, NOW + SECOND);
    expect(positionAt(clock, NOW + SECOND)).toBe(20 * SECOND);
    expect(positionAt(clock, NOW + 2 * SECOND)).toBe(30 * SECOND);
    expect(seek(clock, -5, NOW).positionMs).toBe(0);
    expect(seek(clock, 10 * 60 * SECOND, NOW)).toMatchObject({ positionMs: 60 * SECOND, isPlaying: false });
    expect(seek(pause(clock, NOW), Number.NaN, NOW).positionMs).toBe(0);
  });

  it('does not play a run with no length', () => {
    const clock = play(replayClock(0, NOW), NOW);
    expect(clock.isPlaying).toBe(false);
    expect(positionAt(clock, NOW + SECOND)).toBe(0);
  });
});

type Op =
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'speed'; speed: number }
  | { kind: 'seek'; to: number }
  | { kind: 'wait' };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'play' as const }),
  fc.constant({ kind: 'pause' as const }),
  fc.constant({ kind: 'wait' as const }),
  fc.constantFrom(1, 2, 5, 10, 30, 60).map((speed) => ({ kind: 'speed' as const, speed })),
  fc.integer({ min: -10_000, max: 400_000 }).map((to) => ({ kind: 'seek' as const, to })),
);

describe('replay clock, by property', () => {
  test.prop([
    fc.integer({ min: 0, max: 300_000 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), op)),
  ])(
    'agrees with a clock that counts every millisecond step by step, and stays inside the run',
    (duration, ops) => {
      let clock: ReplayClock = replayClock(duration, 0);
      // The model: position and state advanced by hand over each wait, stopping at the end.
      const model = { position: 0, speed: 1, isPlaying: false };
      let now = 0;
      for (const [wait, o] of ops) {
        if (model.isPlaying) {
          model.position = Math.min(duration, model.position + wait * model.speed);
          if (model.position >= duration) model.isPlaying = false;
        }
        now += wait;
        expect(positionAt(clock, now)).toBe(model.position);
        switch (o.kind) {
          case 'play':
            clock = play(clock, now);
            if (model.position >= duration) model.position = 0;
            model.isPlaying = duration > 0;
            break;
          case 'pause':
            clock = pause(clock, now);
            model.isPlaying = false;
            break;
          case 'speed':
            clock = setSpeed(clock, o.speed, now);
            model.speed = o.speed;
            break;
          case 'seek':
            clock = seek(clock, o.to, now);
            model.position = Math.min(duration, Math.max(0, o.to));
            if (model.position >= duration) model.isPlaying = false;
            break;
          case 'wait':
            break;
        }
        expect(positionAt(clock, now)).toBe(model.position);
        expect(positionAt(clock, now)).toBeGreaterThanOrEqual(0);
        expect(positionAt(clock, now)).toBeLessThanOrEqual(duration);
        expect(settle(clock, now).isPlaying).toBe(model.isPlaying);
      }
    },
  );

  test.prop([
    fc
      .array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 40 })
      .map((offsets) => offsets.sort((a, b) => a - b)),
    fc.integer({ min: -100, max: 11_000 }),
  ])(
    'shows exactly the items due by the position, and steps to the neighbouring moments',
    (offsets, position) => {
      const items = offsets.map((offsetMs) => ({ offsetMs }));
      expect(visibleItems(items, position)).toEqual(items.filter((i) => i.offsetMs <= position));
      const next = nextMoment(items, position);
      expect(next).toBe(offsets.find((o) => o > position) ?? null);
      const previous = previousMoment(items, position);
      expect(previous).toBe([...offsets].reverse().find((o) => o < position) ?? 0);
    },
  );
});
