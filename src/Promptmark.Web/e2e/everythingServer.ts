import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module shared with the API client generator
import { freePort } from '../scripts/api-server.mjs';

const entry = fileURLToPath(new URL('../../../artifacts/ci-tools/node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url));
const log = fileURLToPath(new URL('../../../artifacts/logs/e2e-server-everything.log', import.meta.url));

// The shared preload that keeps the server on 127.0.0.1 (it listens on every interface otherwise).
const listenOnLoopbackOnly = fileURLToPath(new URL('../../../build/server-everything/listen-on-loopback.mjs', import.meta.url));

const accepts = (port: number) => new Promise<boolean>((ok) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); ok(true); });
  socket.once('error', () => ok(false));
});

/** The reference MCP server (installed by `./build.sh --target=TestServers`) in Streamable HTTP mode on a free 127.0.0.1 port. */
export async function startEverythingServer() {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run ./build.sh --target=TestServers`);
  const port: number = await freePort();
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', listenOnLoopbackOnly, entry, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port), GZIP_ALLOWED_DOMAINS: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  const stop = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  const deadline = Date.now() + 30_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`server-everything did not start on port ${port}; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/mcp`, stop };
}
