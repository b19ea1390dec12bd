// Regenerates the typed API client: starts the built API, saves its OpenAPI document to
// openapi.json (committed) and runs openapi-typescript into src/lib/api/schema.d.ts (committed).
// `./build.sh --target=ApiClient` builds the API and runs this; ApiClientCheck fails when they are stale.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApi, repoRoot } from './api-server.mjs';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const logDir = join(repoRoot, 'artifacts/logs');
mkdirSync(logDir, { recursive: true });
const api = await startApi({ logFile: join(logDir, 'api-client-server.log') });
try {
  const res = await fetch(`${api.url}/openapi/v1.json`);
  if (!res.ok) throw new Error(`GET /openapi/v1.json answered ${res.status}`);
  const doc = await res.json();
  // The server list names the random port we started on: leave it out so the file is reproducible.
  delete doc.servers;
  writeFileSync(join(web, 'openapi.json'), JSON.stringify(doc, null, 2) + '\n');
  console.log(`openapi.json: ${Object.keys(doc.paths ?? {}).length} paths`);
} finally {
  await api.stop();
}
execFileSync(process.execPath, [join(web, 'node_modules/openapi-typescript/bin/cli.js'), 'openapi.json', '-o', 'src/lib/api/schema.d.ts'], { cwd: web, stdio: 'inherit' });
