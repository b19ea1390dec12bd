import { describe, expect, it } from 'vitest';
import { executionStatusBadge, formatBytes, formatLatency } from './executionStatus';

describe('executionStatusBadge', () => {
  it('colours each status the API records', () => {
    expect(executionStatusBadge('success')).toEqual({ color: 'teal', label: 'Success' });
    expect(executionStatusBadge('tool_error').color).toBe('orange');
    expect(executionStatusBadge('failed').color).toBe('red');
    expect(executionStatusBadge('cancelled').color).toBe('gray');
    expect(executionStatusBadge('queued')).toEqual({ color: 'gray', label: 'queued' });
  });
});

describe('formatLatency', () => {
  it('reads well at every scale', () => {
    expect(formatLatency(12.4)).toBe('12 ms');
    expect(formatLatency(1234)).toBe('1.2 s');
    expect(formatLatency(12_345)).toBe('12 s');
    expect(formatLatency(125_000)).toBe('2 min 5 s');
  });
});

describe('formatBytes', () => {
  it('uses the unit that reads best', () => {
    expect(formatBytes(64)).toBe('64 B');
    expect(formatBytes(65_536)).toBe('64.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
