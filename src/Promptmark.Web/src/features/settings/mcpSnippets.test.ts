import { describe, expect, it } from 'vitest';
import { mcpSnippets, mcpUrl } from './mcpSnippets';

describe('MCP client snippets', () => {
  it('points every client at the page origin + /mcp', () => {
    expect(mcpUrl('https://pm.example.com/')).toBe('https://pm.example.com/mcp');
    for (const s of mcpSnippets('http://localhost:5080')) expect(s.text).toContain('http://localhost:5080/mcp');
  });

  it('produces valid JSON with the key in the Authorization header', () => {
    const snippets = mcpSnippets('http://h', 'pm_abc');
    const cursor = JSON.parse(snippets.find((s) => s.id === 'cursor')!.text);
    expect(cursor.mcpServers.promptmark.headers.Authorization).toBe('Bearer pm_abc');
    const vscode = JSON.parse(snippets.find((s) => s.id === 'vscode')!.text);
    expect(vscode.servers.promptmark.type).toBe('http');
    const claude = JSON.parse(snippets.find((s) => s.id === 'claude')!.text);
    expect(claude.mcpServers.promptmark.env.PROMPTMARK_KEY).toBe('pm_abc');
    expect(claude.mcpServers.promptmark.args).toContain('Authorization: Bearer ${PROMPTMARK_KEY}');
  });

  it('gives the inspector a shell command', () => {
    const inspector = mcpSnippets('http://h', 'pm_x').find((s) => s.id === 'inspector')!;
    expect(inspector.language).toBe('bash');
    expect(inspector.text).toContain('--transport http');
    expect(inspector.text).toContain('Bearer pm_x');
  });
});
