/** Ready-to-paste MCP client configurations for this server (the same ones the README documents). */
export interface Snippet {
  id: 'claude' | 'cursor' | 'vscode' | 'inspector';
  client: string;
  where: string;
  language: 'json' | 'bash';
  text: string;
}

export function mcpUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/mcp`;
}

export function mcpSnippets(origin: string, key = 'pm_your_key'): Snippet[] {
  const url = mcpUrl(origin);
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      id: 'claude',
      client: 'Claude Desktop',
      where: 'claude_desktop_config.json (Claude Desktop reaches HTTP servers through mcp-remote)',
      language: 'json',
      text: json({
        mcpServers: {
          promptmark: {
            command: 'npx',
            args: ['-y', 'mcp-remote', url, '--header', 'Authorization: Bearer ${PROMPTMARK_KEY}'],
            env: { PROMPTMARK_KEY: key },
          },
        },
      }),
    },
    {
      id: 'cursor',
      client: 'Cursor',
      where: '~/.cursor/mcp.json',
      language: 'json',
      text: json({ mcpServers: { promptmark: { url, headers: { Authorization: `Bearer ${key}` } } } }),
    },
    {
      id: 'vscode',
      client: 'VS Code',
      where: '.vscode/mcp.json',
      language: 'json',
      text: json({ servers: { promptmark: { type: 'http', url, headers: { Authorization: `Bearer ${key}` } } } }),
    },
    {
      id: 'inspector',
      client: 'MCP Inspector',
      where: 'a terminal',
      language: 'bash',
      text: `npx @modelcontextprotocol/inspector --cli ${url} --transport http \\\n    --header "Authorization: Bearer ${key}" --method tools/list`,
    },
  ];
}
