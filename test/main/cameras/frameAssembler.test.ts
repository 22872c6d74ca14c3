import { describe, expect, it } from 'vitest';
import { FrameAssembler } from '../../../main/cameras/frameAssembler.js';

/** Bytes 0, 1, 2, … (mod 256), so a misplaced copy changes the content. */
function sequence(length: number, start = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (start + i) % 256);
}

describe('FrameAssembler', () => {
  // A 2x2 frame is 12 bytes, and the stream contains 3 frames (36 bytes).
  const cases: Array<{ chunkSizes: number[]; note: string }> = [
    { chunkSizes: [36], note: 'one chunk holding every frame' },
    { chunkSizes: [12, 12, 12], note: 'chunks aligned with frames' },
    { chunkSizes: [5, 7, 1, 11, 12], note: 'chunks split inside frames' },
    { chunkSizes: [13, 23], note: 'a chunk that completes one frame and starts the next' },
    { chunkSizes: Array<number>(36).fill(1), note: 'one byte at a time' },
  ];
  for (const { chunkSizes, note } of cases) {
    it(note, () => {
      const stream = sequence(36);
      const assembler = new FrameAssembler(2, 2);
      const frames = [];
      let offset = 0;
      for (const size of chunkSizes) {
        frames.push(...assembler.push(stream.subarray(offset, offset + size)));
        offset += size;
      }
      expect(frames).toHaveLength(3);
      frames.forEach((frame, i) => {
        expect(frame.width).toBe(2);
        expect(frame.height).toBe(2);
        expect(Array.from(frame.data)).toEqual(Array.from(sequence(12, i * 12)));
      });
      expect(assembler.pendingBytes).toBe(0);
    });
  }

  it('keeps earlier frames intact', () => {
    const assembler = new FrameAssembler(1, 1);
    const [first] = [...assembler.push(Uint8Array.of(1, 2, 3))];
    Array.from(assembler.push(Uint8Array.of(9, 9, 9)));
    expect(Array.from(first?.data ?? [])).toEqual([1, 2, 3]);
  });

  it('reports a cut-off frame', () => {
    const assembler = new FrameAssembler(2, 2);
    expect([...assembler.push(sequence(20))]).toHaveLength(1);
    expect(assembler.pendingBytes).toBe(8);
  });

  it('rejects invalid sizes', () => {
    expect(() => new FrameAssembler(0, 2)).toThrow(RangeError);
    expect(() => new FrameAssembler(2.5, 2)).toThrow(RangeError);
  });
});
