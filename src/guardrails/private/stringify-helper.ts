import * as v8 from 'v8';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';

/**
 * A second thread that writes YAML documents with cdk8s's own `Yaml.stringify`, so that `app.synth()` with the
 * guardrails writes its manifests on two cores: half of each file's documents here, half in the synthesizing thread.
 * Writing YAML is most of what a synthesis costs (5,000 Deployments and their Services: 2.5 s of rendering, 5 s of
 * YAML), so the time the checks take is won back and more.
 *
 * Only documents that `provenReadBack` vouches for are sent: plain trees of safe strings, safe integers, booleans
 * and null, which cross to the thread unchanged (V8's serializer keeps keys, order and values) and which the thread's
 * copy of cdk8s (the same file, loaded again) writes exactly as this thread's would. Anything else is written here.
 *
 * The thread only ever helps: it is used once it has loaded cdk8s, never waited for before that, and when it fails
 * or does not answer, the documents are written here. It never keeps the process alive.
 */
export class StringifyHelper {
  /** Starts the helper of this process (once), so that it loads cdk8s while the app is being built. */
  public static prestart(): void {
    const existing = SHARED[HELPER];
    // A helper that failed is replaced; where none could start (null), none is tried again.
    if (process.env.CDK8S_HARDENED_THREADS === '0' || existing === null || (existing && !existing.failed)) return;
    SHARED[HELPER] = null;
    try {
      SHARED[HELPER] = new StringifyHelper();
    } catch {
      // No worker threads here (or none allowed): every document is written in this thread.
    }
  }

  /** The helper, when it has started and is ready for work. */
  public static ready(): StringifyHelper | undefined {
    const helper = SHARED[HELPER];
    return helper && !helper.failed && Atomics.load(helper.flags, READY) === 1 ? helper : undefined;
  }

  /** Waits (up to `ms`) until the helper is ready; for tests, which must see it used. True when it is. */
  public static waitUntilReady(ms: number): boolean {
    const helper = SHARED[HELPER];
    if (!helper) return false;
    Atomics.wait(helper.flags, READY, 0, ms);
    return StringifyHelper.ready() !== undefined;
  }

  /** How many documents the current helper has written. */
  public static get documentsWritten(): number {
    return SHARED[HELPER]?.written ?? 0;
  }

  /** Answers received and not taken yet; for tests. */
  public static get _answersHeld(): number {
    return SHARED[HELPER]?.answers.size ?? 0;
  }

  /** Stops the helper's thread without telling this thread (as a crash would); for tests of the fallback. */
  public static _stopUnannounced(): void {
    void SHARED[HELPER]?.worker.terminate();
  }

  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** [READY, ANSWERS]: set to 1 once cdk8s is loaded; counts the answers posted. */
  private readonly flags: Int32Array;
  private readonly answers = new Map<number, Answer>();
  private nextId = 1;
  private failed = false;
  private written = 0;

  private constructor() {
    this.flags = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // The thread's code is given here, not as a file: it must run the same from lib/ (users) and from src/ (tests).
    this.worker = new Worker(HELPER_CODE, {
      eval: true,
      workerData: { cdk8s: require.resolve('cdk8s'), flags: this.flags.buffer, port: port2 },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => { this.failed = true; });
    this.worker.on('exit', () => { this.failed = true; });
  }

  /**
   * Sends documents to be written; `take` gives their texts (one per document, in order), or undefined when the
   * helper failed or took longer than `patienceMs`.
   */
  public send(docs: object[]): PendingTexts {
    const id = this.nextId++;
    const bytes = v8.serialize(docs);
    try {
      this.worker.postMessage({ id, bytes });
    } catch {
      this.failed = true;
      return { take: () => undefined };
    }
    return { take: patienceMs => this.take(id, docs.length, patienceMs) };
  }

  private take(id: number, count: number, patienceMs: number): string[] | undefined {
    // A thread that dies cannot say so while this one waits (its exit event would come later): the wait is bounded.
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const answer = this.answers.get(id);
      if (answer) {
        // Files are taken in the order they were sent: an earlier answer still here belongs to a synthesis that
        // failed before it took its texts (or to a file saved again since), and nobody will take it.
        for (const earlier of this.answers.keys()) if (earlier <= id) this.answers.delete(earlier);
        if (!answer.texts || answer.texts.length !== count) return undefined;
        this.written += count;
        return answer.texts;
      }
      const seen = Atomics.load(this.flags, ANSWERS);
      if (this.receive()) continue;
      if (this.failed || Date.now() > deadline) {
        // A thread that died or hangs is not waited for again: this thread writes everything from now on.
        this.failed = true;
        return undefined;
      }
      Atomics.wait(this.flags, ANSWERS, seen, 100);
    }
  }

  /** Moves every answer posted so far into `answers`; true when there was one. */
  private receive(): boolean {
    let any = false;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const answer = message.message as Answer & { id: number };
      this.answers.set(answer.id, answer);
      any = true;
    }
    return any;
  }
}

/** Texts on their way from the helper. */
export interface PendingTexts {
  take(patienceMs: number): string[] | undefined;
}

interface Answer {
  readonly texts?: string[];
}

/**
 * One helper per process, kept on a module every copy of this library shares: test runners that load the library
 * afresh for each test file (jest) would otherwise start a thread per file.
 */
const HELPER = Symbol.for('cdk8s-hardened.stringify-helper');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, not a namespace copy of it
const SHARED = require('worker_threads') as { [HELPER]?: StringifyHelper | null };

const READY = 0;
const ANSWERS = 1;

const HELPER_CODE = `
const { workerData } = require('worker_threads');
const v8 = require('v8');
const { Yaml } = require(workerData.cdk8s);
const flags = new Int32Array(workerData.flags);
const port = workerData.port;
require('worker_threads').parentPort.on('message', ({ id, bytes }) => {
  let answer;
  try {
    answer = { id, texts: v8.deserialize(bytes).map(doc => Yaml.stringify(doc)) };
  } catch (e) {
    answer = { id };
  }
  port.postMessage(answer);
  Atomics.add(flags, ${ANSWERS}, 1);
  Atomics.notify(flags, ${ANSWERS});
});
Atomics.store(flags, ${READY}, 1);
Atomics.notify(flags, ${READY});
`;
