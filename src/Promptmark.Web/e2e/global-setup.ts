import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module shared with the API client generator
import { startApi } from '../scripts/api-server.mjs';

/** Starts the built API (fresh data directory, its own PostgreSQL) serving dist/ as the web app, loopback connections allowed, no sign-up limit to speak of; stops it after. */
export default async function globalSetup() {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(`${dist}index.html`)) throw new Error('dist/index.html is missing: run `npm run build` first.');
  const logs = fileURLToPath(new URL('../../../artifacts/logs/', import.meta.url));
  mkdirSync(logs, { recursive: true });
  // Connections may reach loopback servers here: e2e/connections.spec.ts starts server-everything on 127.0.0.1.
  const api = await startApi({
    logFile: `${logs}e2e-server.log`,
    env: {
      Promptmark__Web__Root: dist,
      Promptmark__Connections__AllowedHosts__0: '127.0.0.1',
      // Every spec signs up its own users, all from 127.0.0.1.
      Promptmark__Auth__RegistrationsPerHour: '1000',
      // e2e/conversations.spec.ts prices the model of its scripted server, so that an answer has a cost to show.
      'Promptmark__Models__Prices__local/e2e-chat__InputPerMillion': '3',
      'Promptmark__Models__Prices__local/e2e-chat__OutputPerMillion': '15',
    },
  });
  process.env.PROMPTMARK_E2E_URL = api.url;
  console.log(`e2e: Promptmark on ${api.url} (pid ${api.pid})`);
  return async () => {
    await api.stop();
  };
}
