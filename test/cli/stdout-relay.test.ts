/**
 * The relay of standard output: the command's thread (here a worker running the TypeScript sources) hands text over
 * and renders on; this thread writes it, in order, to a file standing in for standard output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { RELAY_LIMIT_CHARS, startStdoutRelay } from '../../src/cli/stdout-relay';

const REPO = path.join(__dirname, '..', '..');

/**
 * Runs `body` in a worker as the command's side of a relay (`relay`, a StdoutRelay; `pending()`, the characters not
 * written yet) that writes to a new file, opened with `flags`; `meanwhile` runs on this thread, the writer, once the
 * worker has started. Resolves with what `body` returned (or threw) and the file's path.
 */
async function relayed(flags: string, body: string, meanwhile: () => void = () => undefined): Promise<{ result: any; file: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relay-')), 'out');
  fs.writeFileSync(file, '');
  const fd = fs.openSync(file, flags);
  const relay = startStdoutRelay(fd);
  const worker = new Worker(`require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(path.join(REPO, 'tsconfig.dev.json'))} });
    const { StdoutRelay } = require(${JSON.stringify(path.join(REPO, 'src', 'cli', 'stdout-relay.ts'))});
    const { parentPort, workerData } = require('worker_threads');
    const relay = new StdoutRelay(workerData.end);
    const pending = () => Atomics.load(new Int32Array(workerData.end.shared), 0);
    parentPort.once('message', () => {
      let result;
      try { result = (() => { ${body} })(); } catch (e) { result = { thrown: e.message, code: e.code }; }
      parentPort.postMessage({ result });
    });
    parentPort.postMessage({ loaded: true });`, { eval: true, workerData: { end: relay.end, file }, transferList: [relay.end.port] });
  try {
    const result = await new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m: any) => {
        if (!m.loaded) return resolve(m.result);
        worker.postMessage('go');
        meanwhile();
      });
    });
    return { result, file };
  } finally {
    await worker.terminate();
    relay.close();
    fs.closeSync(fd);
  }
}

/** Keeps this thread (the writer) busy, so that what the command hands over piles up unwritten. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* the relay's messages wait */ }
}

describe('the standard output relay', () => {
  test('writes every text in order; drain returns only once all of it is written', async () => {
    const { result, file } = await relayed('w', `
      const texts = [];
      for (let i = 0; i < 300; i++) texts.push(String(i).padStart(6, '0') + '.'.repeat(10_000 - 7) + '\\n');
      for (const t of texts) relay.write(t);
      relay.drain();
      return { size: require('fs').statSync(require('worker_threads').workerData.file).size, expected: texts.join('') };`);
    // Everything was written when drain returned, not just handed over.
    expect(result.size).toBe(result.expected.length);
    expect(fs.readFileSync(file, 'utf8')).toBe(result.expected);
  });

  test('the command waits while more than the limit is unwritten, so a slow reader bounds the memory', async () => {
    const { result, file } = await relayed('w', `
      let most = 0;
      for (let i = 0; i < 300; i++) { relay.write('x'.repeat(10_000)); most = Math.max(most, pending()); }
      relay.drain();
      return { most };`, () => busyFor(300));
    expect(result.most).toBeGreaterThan(RELAY_LIMIT_CHARS / 2);
    expect(result.most).toBeLessThanOrEqual(RELAY_LIMIT_CHARS + 10_000);
    expect(fs.statSync(file).size).toBe(300 * 10_000);
  });

  test('a failed write is thrown by the next drain with the system\'s message and code; waiting for the writes does not throw', async () => {
    // Opened for reading only: every write fails with EBADF.
    const { result, file } = await relayed('r', `
      relay.write('report');
      relay.waitWritten();
      let first;
      try { relay.drain(); } catch (e) { first = { thrown: e.message, code: e.code }; }
      let again;
      try { relay.write('more'); } catch (e) { again = { thrown: e.message, code: e.code }; }
      return { first, again };`);
    expect(result.first).toEqual({ thrown: expect.stringContaining('EBADF'), code: 'EBADF' });
    // Every later call throws the same error.
    expect(result.again).toEqual(result.first);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });
});
