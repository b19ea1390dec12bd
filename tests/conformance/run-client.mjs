// Runs the official MCP conformance suite's client scenarios against Promptmark's Connections client
// (tests/Promptmark.ConformanceClient, built by the Build target). One scenario at a time: the suite's own parallel
// mode starts every client and test server at once, more than a small CI machine runs inside the suite's timeout.
// A scenario fails when any of its checks fails or warns; the `client:` list of expected-failures.yaml names those
// Promptmark knowingly fails, and one listed there that passes fails the run (so the list only shrinks).
//   node tests/conformance/run-client.mjs <node-22 binary> <conformance dist/index.js> <client dll> <output dir>
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [node22, cli, clientDll, outputDir] = process.argv.slice(2);
if (!node22 || !cli || !clientDll || !outputDir) throw new Error('usage: run-client.mjs <node-22 binary> <conformance dist/index.js> <client dll> <output dir>');
const expectedFailures = join(dirname(fileURLToPath(import.meta.url)), 'expected-failures.yaml');
mkdirSync(outputDir, { recursive: true });

const scenarios = execFileSync(node22, [cli, 'list', '--client'], { encoding: 'utf8' })
  .split('\n').map((line) => /^\s+- (\S+)/.exec(line)?.[1]).filter(Boolean);

const run = (scenario) => new Promise((ok) => {
  const child = spawn(node22, [cli, 'client', '--command', `dotnet ${clientDll}`, '--scenario', scenario,
    '--expected-failures', expectedFailures, '-o', outputDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  child.on('exit', (exit) => ok({ exit: exit ?? 1, output }));
});

/** Whether the scenario's last saved checks all passed (no failure, no warning). */
function passed(scenario) {
  const folder = join(outputDir, dirname(scenario));
  const runs = readdirSync(folder).filter((name) => name.startsWith(`${scenario.split('/').pop()}-`)).sort();
  const checks = JSON.parse(readFileSync(join(folder, runs.at(-1), 'checks.json'), 'utf8'));
  return !checks.some((check) => check.status === 'FAILURE' || check.status === 'WARNING');
}

let passing = 0;
let unexpected = 0;
for (const scenario of scenarios) {
  const { exit, output } = await run(scenario);
  const ok = passed(scenario);
  if (ok) passing++;
  if (exit !== 0) {
    unexpected++;
    console.log(output);
  }
  console.log(`${ok ? 'pass' : 'fail'}${exit !== 0 ? ' (not as expected-failures.yaml says)' : ''}  ${scenario}`);
}
console.log(`Conformance client scenarios: ${passing} passed / ${scenarios.length}; ${unexpected} not as expected-failures.yaml says`);
process.exit(unexpected > 0 ? 1 : 0);
