// Starts the built Promptmark API as its own process on a free 127.0.0.1 port, with a fresh
// temporary data directory (mode 0711: the embedded PostgreSQL cluster runs as `postgres` when root),
// waits for /health, and returns { url, stop }. stop() sends SIGTERM so the cluster shuts down cleanly.
// Used by the API client generator (scripts/api-client.mjs) and the end-to-end tests (e2e/global-setup.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, rmSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

export function findApiDll(configuration = process.env.PROMPTMARK_CONFIGURATION ?? 'Debug') {
  const explicit = process.env.PROMPTMARK_API_DLL;
  if (explicit) return explicit;
  const dll = join(repoRoot, 'src/Promptmark.Api/bin', configuration, 'net10.0/Promptmark.Api.dll');
  if (!existsSync(dll)) {
    throw new Error(`${dll} does not exist: build the API first (./build.sh --target=Build).`);
  }
  return dll;
}

export async function startApi({ logFile, timeoutMs = 120_000, env = {} } = {}) {
  const dll = findApiDll();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'promptmark-web-'));
  chmodSync(dataDir, 0o711);
  const out = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn('dotnet', [dll, '--urls', url], {
    cwd: dirname(dll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Promptmark__DataDirectory: dataDir,
      ConnectionStrings__Promptmark: '',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  let exited = null;
  const exitPromise = new Promise((ok) => child.on('exit', (code, signal) => { exited = { code, signal }; ok(exited); }));

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 30_000);
      await exitPromise;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(`the API exited during start-up (${JSON.stringify(exited)})${logFile ? `; see ${logFile}` : ''}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return { url, port, dataDir, stop, pid: child.pid };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s`);
}
