import { describe, expect, it } from 'vitest';
import { curlExample, exampleBody, triggerUrl } from './triggerExample';

describe('trigger examples', () => {
  it('puts the trigger path under the origin without doubling the slash', () => {
    expect(triggerUrl('https://pm.example.com/', '/api/playbooks/1/trigger')).toBe('https://pm.example.com/api/playbooks/1/trigger');
  });

  it('fills each input with its default, an enum option or a placeholder of its type', () => {
    expect(exampleBody([
      { name: 'topic', type: 'string' },
      { name: 'depth', type: 'enum', options: ['brief', 'deep'] },
      { name: 'pages', type: 'number', default: '2' },
      { name: 'draft', type: 'boolean', default: 'false' },
    ])).toEqual({ topic: 'your topic', depth: 'brief', pages: 2, draft: false });
  });

  it('sends the token as a bearer header and escapes single quotes for the shell', () => {
    const command = curlExample('http://localhost:5000/api/playbooks/1/trigger', 'pmt_abc', [{ name: 'who', type: 'string', default: "Ada's" }]);
    expect(command).toContain("-H 'Authorization: Bearer pmt_abc'");
    expect(command).toContain(`-d '{"who":"Ada'\\''s"}'`);
  });
});
