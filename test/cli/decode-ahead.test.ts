/**
 * A scan whose files are decoded ahead by a helper gives the report of a scan that decodes every file itself:
 * whichever thread decodes a file, when the helper is late, never starts, or ends without posting a file it took.
 * The helper here is `serveDecodeAhead` in this thread (the binary runs it in a worker; the end-to-end golden cases
 * run that one).
 */
import * as path from 'path';
import { MessageChannel, MessagePort, Worker } from 'worker_threads';
import { Claim, DecodeAheadRequest, DecodedFile, Slot } from '../../src/cli/decode-ahead-protocol';
import { serveDecodeAhead } from '../../src/cli/decode-ahead-service';
import { scan, scanAhead } from '../../src/cli/scan';
import { WalkedAhead, WalkRequest, WalkState } from '../../src/cli/walk-ahead';

const REPO = path.join(__dirname, '..', '..');
// Good and bad files together: malformed YAML, a binary file, an alias bomb, deep nesting, lists, many documents.
const PATHS = ['test/cli/fixtures', 'examples', 'conformance/corpus'];

/** The report and problems of a scan, as the command prints them. */
function printed(result: Awaited<ReturnType<typeof scanAhead>>): unknown {
  return { report: result.report.toJson(), problems: result.problems, files: result.files };
}

/** Who decoded what, seen from the claims once the scan ended. */
function claims(request: DecodeAheadRequest): number[] {
  return Array.from(new Int32Array(request.shared).slice(Slot.CLAIMS));
}

describe('scanAhead', () => {
  const expected = printed(scan(PATHS, { cwd: REPO }));

  test('gives the report of scan when the helper decodes the files', async () => {
    let request: DecodeAheadRequest | undefined;
    const result = await scanAhead(PATHS, { cwd: REPO }, r => {
      request = r;
      void serveDecodeAhead(r);
    });
    expect(printed(result)).toEqual(expected);
    // The helper ran ahead of the scan for most files: the property is not passed by decoding here.
    const helped = claims(request!).filter(c => c === Claim.HELPER).length;
    expect(helped).toBeGreaterThan(claims(request!).length / 2);
    expect(claims(request!).every(c => c !== Claim.FREE)).toBe(true);
  });

  test('gives the report of scan when the helper never starts: every file is decoded here', async () => {
    let request: DecodeAheadRequest | undefined;
    const result = await scanAhead(PATHS, { cwd: REPO }, r => { request = r; });
    expect(printed(result)).toEqual(expected);
    expect(claims(request!).every(c => c === Claim.READER)).toBe(true);
  });

  test('gives the report of scan with the helper in a worker thread, which walked the paths', async () => {
    // The worker runs the TypeScript sources, started as decode-ahead-start.ts starts it: it has walked the paths and
    // loaded the decoder before the scan begins.
    const requests = new MessageChannel();
    const walked = new MessageChannel();
    const walk: WalkRequest = { args: ['scan', '--format', 'json', ...PATHS], cwd: REPO, state: new SharedArrayBuffer(4), port: walked.port2 };
    const worker = new Worker(`require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(path.join(REPO, 'tsconfig.dev.json'))} });
      require(${JSON.stringify(path.join(REPO, 'src', 'cli', 'decode-ahead-worker.ts'))});
      require('worker_threads').parentPort.postMessage('loaded');`, { eval: true, workerData: { walk, requests: requests.port2 }, transferList: [walked.port2, requests.port2] });
    try {
      await new Promise(resolve => worker.once('message', resolve));
      let request: DecodeAheadRequest | undefined;
      const expandedAhead = new WalkedAhead(walk.state, walked.port1);
      const result = await scanAhead(PATHS, { cwd: REPO, expandedAhead }, (r, transfer) => {
        request = r;
        requests.port1.postMessage(r, transfer);
      });
      expect(printed(result)).toEqual(expected);
      // The walk was the helper's, and the scan took every path from it.
      expect(Atomics.load(new Int32Array(walk.state), 0)).toBe(WalkState.POSTED);
      for (const p of PATHS) expect(expandedAhead.take(p, REPO)).toBeUndefined();
      expect(claims(request!).every(c => c !== Claim.FREE)).toBe(true);
      // The two threads ran side by side: the helper decoded some of the files.
      expect(claims(request!)).toContain(Claim.HELPER);
    } finally {
      requests.port1.close();
      walked.port1.close();
      await worker.terminate();
    }
  }, 60_000);

  test('decodes here a file the helper took and never posted, when its thread ends', async () => {
    let request: DecodeAheadRequest | undefined;
    const result = await scanAhead(PATHS, { cwd: REPO }, r => {
      request = r;
      // A helper that dies on the file it took: the claim is its own, and its end of the channel closes.
      Atomics.store(new Int32Array(r.shared), Slot.CLAIMS, Claim.HELPER);
      (r.port as MessagePort).close();
    });
    expect(printed(result)).toEqual(expected);
    expect(claims(request!)[0]).toBe(Claim.HELPER);
  });

  test('the helper waits while the files it posted and the reader has not taken pass the in-flight limit', async () => {
    const limit = 20_000;
    let most = 0;
    let request: DecodeAheadRequest | undefined;
    const result = await scanAhead(PATHS, { cwd: REPO }, r => {
      request = { ...r, inFlightLimitBytes: limit };
      const shared = new Int32Array(r.shared);
      const port = r.port as MessagePort;
      const post = port.postMessage.bind(port);
      port.postMessage = (batch: DecodedFile[]) => {
        // In flight once the batch is counted: at most the limit, plus the last file, decoded while under it.
        most = Math.max(most, Atomics.load(shared, Slot.IN_FLIGHT) - batch[batch.length - 1].bytes);
        post(batch);
      };
      void serveDecodeAhead(request);
    });
    expect(printed(result)).toEqual(expected);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(limit);
    expect(claims(request!).filter(c => c === Claim.HELPER).length).toBeGreaterThan(10);
  });
});
