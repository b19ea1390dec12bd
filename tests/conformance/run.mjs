// Runs the official MCP conformance suite's server scenarios against Promptmark's /mcp.
// Starts the built API (its own embedded PostgreSQL on a free 127.0.0.1 port), registers a user, creates an API key,
// and puts a loopback proxy in front of /mcp that adds the key as X-API-Key (the suite's CLI cannot send a header).
// Prints pass/fail per scenario; exits non-zero when a scenario fails that is not in expected-failures.yaml, or when
// one listed there passes (so the list only shrinks).
//   node tests/conformance/run.mjs <node-22 binary> <conformance dist/index.js> <output dir>
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApi, repoRoot } from '../../src/Promptmark.Web/scripts/api-server.mjs';

const [node22, cli, outputDir] = process.argv.slice(2);
if (!node22 || !cli || !outputDir) throw new Error('usage: run.mjs <node-22 binary> <conformance dist/index.js> <output dir>');
const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(outputDir, { recursive: true });

async function call(api, path, body, headers = {}) {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '127.0.0.77', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Forwards every request to the API unchanged (Host and Origin included), adding the key; responses stream back as they come. */
function keyProxy(api, key) {
  const target = new URL(api.url);
  const server = createServer((incoming, outgoing) => {
    const forwarded = request({
      host: target.hostname, port: target.port, method: incoming.method, path: incoming.url,
      headers: { ...incoming.headers, 'x-api-key': key },
    }, (answer) => {
      outgoing.writeHead(answer.statusCode, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => outgoing.destroy());
    outgoing.on('close', () => { if (!outgoing.writableFinished) forwarded.destroy(); });
    incoming.pipe(forwarded);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const api = await startApi({ logFile: join(outputDir, 'api.log') });
let proxy;
let code = 1;
try {
  const email = `conformance-${Date.now()}@example.test`;
  const password = 'conformance-password-1';
  await call(api, '/api/auth/register', { email, password });
  const { token } = await call(api, '/api/auth/login', { email, password });
  const { key } = await call(api, '/api/keys', { name: 'conformance' }, { Authorization: `Bearer ${token}` });
  proxy = await keyProxy(api, key);
  const url = `http://127.0.0.1:${proxy.address().port}/mcp`;
  code = await new Promise((ok) => {
    const child = spawn(node22, [cli, 'server', '--url', url, '--expected-failures', join(here, 'expected-failures.yaml'), '-o', outputDir],
      { stdio: 'inherit', cwd: repoRoot });
    child.on('exit', (exit) => ok(exit ?? 1));
  });
} finally {
  proxy?.close();
  proxy?.closeAllConnections();
  await api.stop();
}
process.exit(code);
