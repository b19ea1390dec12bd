import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A native OAuth client as an MCP host would be one (RFC 8252): it registers itself, sends the user's browser to the
 * authorization endpoint with PKCE, receives the code on its loopback redirect, and redeems it for a token.
 */
export class OAuthTestClient {
  readonly verifier = randomBytes(32).toString('base64url');
  readonly state = randomBytes(8).toString('hex');
  clientId = '';
  private server: Server | undefined;
  private redirectUri = '';
  private received: Promise<URLSearchParams> | undefined;

  constructor(private readonly base: string, private readonly name: string) {}

  /** Listens on 127.0.0.1 for the redirect back and registers with that redirect URI. */
  async register() {
    this.received = new Promise((resolve) => {
      this.server = createServer((req, res) => {
        resolve(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.redirectUri = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/callback`;
    const response = await fetch(`${this.base}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: this.name, redirect_uris: [this.redirectUri] }),
    });
    if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
    this.clientId = (await response.json()).client_id;
  }

  authorizeUrl() {
    const challenge = createHash('sha256').update(this.verifier).digest('base64url');
    return `${this.base}/oauth/authorize?${new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri, scope: 'read write execute',
      state: this.state, code_challenge: challenge, code_challenge_method: 'S256', resource: `${this.base}/mcp`,
    })}`;
  }

  /** The query of the redirect the browser was sent back with. */
  callback() {
    if (!this.received) throw new Error('register first');
    return this.received;
  }

  async redeem(code: string): Promise<string> {
    const response = await fetch(`${this.base}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.redirectUri, client_id: this.clientId, code_verifier: this.verifier }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
    return (await response.json()).access_token;
  }

  /** tools/list over Streamable HTTP with the token: the tool names, or the HTTP status when refused. */
  async listTools(token: string): Promise<string[] | number> {
    const initialize = await this.rpc(token, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: this.name, version: '1.0.0' } } });
    if (!initialize.ok) return initialize.status;
    const session = initialize.headers.get('mcp-session-id');
    await this.rpc(token, { jsonrpc: '2.0', method: 'notifications/initialized' }, session);
    const list = await this.rpc(token, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, session);
    if (!list.ok) return list.status;
    const body = await list.text();
    // Streamable HTTP may answer as JSON or as an event stream whose data line is the JSON-RPC message.
    const json = JSON.parse(body.startsWith('{') ? body : body.split('\n').find((line) => line.startsWith('data:'))!.slice(5));
    return json.result.tools.map((tool: { name: string }) => tool.name);
  }

  private rpc(token: string, message: object, session?: string | null) {
    return fetch(`${this.base}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream',
        ...(session ? { 'mcp-session-id': session } : {}),
      },
      body: JSON.stringify(message),
    });
  }

  close() {
    this.server?.close();
  }
}
