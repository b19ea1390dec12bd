import { describe, expect, it } from 'vitest';
import { toolOutputOf } from './toolOutput';

describe('toolOutputOf', () => {
  it('turns each content block into something to render', () => {
    const output = toolOutputOf({
      content: [
        { type: 'text', text: 'Echo: hello' },
        { type: 'image', data: 'iVBORw0=', mimeType: 'image/png' },
        { type: 'resource_link', uri: 'demo://resource/1', name: 'r1', description: 'A resource' },
        { type: 'resource', resource: { uri: 'demo://doc', mimeType: 'text/plain', text: 'body' } },
        { type: 'resource', resource: { uri: 'demo://bin', blob: 'AAE=' } },
        { type: 'mystery', value: 1 },
      ],
      structuredContent: { temperature: 21 },
    });
    expect(output.blocks).toEqual([
      { kind: 'text', text: 'Echo: hello' },
      { kind: 'image', mimeType: 'image/png', src: 'data:image/png;base64,iVBORw0=' },
      { kind: 'link', uri: 'demo://resource/1', name: 'r1', description: 'A resource', href: null },
      { kind: 'resource', uri: 'demo://doc', mimeType: 'text/plain', text: 'body', src: null },
      { kind: 'resource', uri: 'demo://bin', mimeType: null, text: null, src: 'data:application/octet-stream;base64,AAE=' },
      { kind: 'other', json: '{\n  "type": "mystery",\n  "value": 1\n}' },
    ]);
    expect(output.structured).toEqual({ temperature: 21 });
    expect(output.isError).toBe(false);
  });

  it('links only web addresses', () => {
    const links = toolOutputOf({ content: [
      { type: 'resource_link', uri: 'https://example.com/a', name: 'a' },
      { type: 'resource_link', uri: 'javascript:alert(1)', name: 'b' },
    ] }).blocks;
    expect(links.map((l) => l.kind === 'link' && l.href)).toEqual(['https://example.com/a', null]);
  });

  it('keeps isError and survives results that are not objects', () => {
    expect(toolOutputOf({ content: [{ type: 'text', text: 'bad' }], isError: true }).isError).toBe(true);
    expect(toolOutputOf(null)).toEqual({ blocks: [], structured: undefined, isError: false });
    expect(toolOutputOf({ content: 'x' }).blocks).toEqual([]);
  });
});
