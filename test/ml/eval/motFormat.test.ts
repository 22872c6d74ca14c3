import { describe, expect, it } from 'vitest';
import { groupByFrame, MotFormatError, parseMot, tracksToMotRows, writeMot } from '../../../ml/eval/motFormat.js';

describe('parseMot', () => {
  it('parses ground-truth lines to corner boxes', () => {
    const rows = parseMot('1,2,181,95,75.808,227.01,1,4.4091,4.4283,0\n\n2,2,183,95,75,227,0,-1,-1,-1\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.frame).toBe(1);
    expect(rows[0]?.id).toBe(2);
    expect(rows[0]?.box.x1).toBe(181);
    expect(rows[0]?.box.x2).toBeCloseTo(256.808, 9);
    expect(rows[0]?.box.y2).toBeCloseTo(322.01, 9);
    expect(rows[1]?.confidence).toBe(0);
  });

  it('reads a missing confidence as 1', () => {
    expect(parseMot('3,1,0,0,10,20')[0]?.confidence).toBe(1);
  });

  it('accepts Windows line endings', () => {
    expect(parseMot('1,1,0,0,1,1,1\r\n2,1,0,0,1,1,1\r\n')).toHaveLength(2);
  });

  const badLines = [
    // Too few fields, e.g. a header line.
    { text: 'frame,id,x,y', line: 1 },
    // A non-number on the second line.
    { text: '1,1,0,0,1,1,1\n2,one,0,0,1,1,1', line: 2 },
    // Frames are numbered from 1.
    { text: '0,1,0,0,1,1,1', line: 1 },
    // A negative width.
    { text: '1,1,0,0,-5,1,1', line: 1 },
  ];
  it.each(badLines)('rejects $text', ({ text, line }) => {
    let caught: unknown;
    try {
      parseMot(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MotFormatError);
    expect((caught as MotFormatError).lineNumber).toBe(line);
  });
});

describe('writeMot', () => {
  it('writes sorted results lines', () => {
    const text = writeMot([
      { frame: 2, id: 1, box: { x1: 1, y1: 2, x2: 4, y2: 6 }, confidence: 0.5 },
      { frame: 1, id: 7, box: { x1: 0.1234, y1: 0, x2: 10.1234, y2: 20 }, confidence: 0.91 },
    ]);
    expect(text).toBe('1,7,0.123,0,10,20,0.91,-1,-1,-1\n2,1,1,2,3,4,0.5,-1,-1,-1\n');
  });

  it('round-trips through parseMot', () => {
    const rows = tracksToMotRows(5, [{ trackerId: 3, box: { x1: 10, y1: 20, x2: 60, y2: 170 }, score: 0.75 }]);
    expect(parseMot(writeMot(rows))).toEqual(rows);
  });

  it('writes nothing for no rows', () => {
    expect(writeMot([])).toBe('');
  });
});

describe('groupByFrame', () => {
  it('groups rows by frame', () => {
    const frames = groupByFrame(parseMot('1,1,0,0,1,1,1\n1,2,0,0,1,1,1\n3,1,0,0,1,1,1'));
    expect(frames.get(1)).toHaveLength(2);
    expect(frames.get(2)).toBeUndefined();
    expect(frames.get(3)).toHaveLength(1);
  });
});
