// Regenerates test/cli/golden/*.json from the built binary: `npx projen test:golden` (compiles first), or
// `npx ts-node test/cli/update-golden.ts` with CDK8S_HARDENED_BIN pointing at another build. Review the diff.
import * as fs from 'fs';
import { BINARY, GOLDEN_CASES, GOLDEN_DIR, goldenPath, runCase, serialize } from './golden-cases';

if (!fs.existsSync(BINARY)) {
  process.stderr.write(`${BINARY} does not exist: compile first (npx projen compile) or set CDK8S_HARDENED_BIN.\n`);
  process.exit(1);
}
fs.mkdirSync(GOLDEN_DIR, { recursive: true });
for (const c of GOLDEN_CASES) {
  const run = runCase(c);
  fs.writeFileSync(goldenPath(c), serialize(run));
  process.stdout.write(`${c.name}: exit ${run.exitCode}\n`);
}
