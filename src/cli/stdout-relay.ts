import { MessageChannel, MessagePort, receiveMessageOnPort } from 'worker_threads';
import { writeStdoutSync } from './write-stdout';

// Standard output written by the process's first thread on behalf of the thread the command runs in. A pipe holds
// 64 KB: a 20 MB report written to `| jq` (or to the process that spawned the scan) blocks the writer about 300
// times until the reader catches up, and each wait used to stop the command rendering the rest of the report. The
// first thread has nothing else to do, so it waits instead, while the command renders on: the report of a
// 10,000-object scan reaches a pipe about 100 ms sooner. What it has not written yet stays bounded.

/** Characters posted and not written yet, at most, before the command waits. */
export const RELAY_LIMIT_CHARS = 1024 * 1024;

/** Indexes of the relay's shared Int32Array. */
const enum RelaySlot {
  /** Characters posted to the writing thread and not written yet. */
  PENDING = 0,
  /** Set to 1 when a write failed: the error waits on the port. */
  FAILED = 1,
}

/** What the command's thread holds of a relay (it crosses to that thread in its workerData). */
export interface StdoutRelayEnd {
  readonly port: MessagePort;
  readonly shared: SharedArrayBuffer;
}

/** A write that failed, as it crosses back. */
interface WriteError {
  readonly message: string;
  readonly code?: string;
}

/**
 * Starts writing, on this thread, what the command's thread posts to the returned end: text in order, to standard
 * output (or to descriptor `fd`). Call `close` when that thread has exited.
 */
export function startStdoutRelay(fd: number = 1): { end: StdoutRelayEnd; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const slots = new Int32Array(shared);
  port1.on('message', (text: string) => {
    try {
      if (!Atomics.load(slots, RelaySlot.FAILED)) writeStdoutSync(text, fd);
    } catch (e) {
      const error: WriteError = { message: e instanceof Error ? e.message : String(e), code: (e as NodeJS.ErrnoException).code };
      port1.postMessage(error);
      Atomics.store(slots, RelaySlot.FAILED, 1);
    }
    Atomics.sub(slots, RelaySlot.PENDING, text.length);
    Atomics.notify(slots, RelaySlot.PENDING);
  });
  // The command's thread keeps the process alive while it runs; this port alone must not.
  port1.unref();
  return { end: { port: port2, shared }, close: () => port1.close() };
}

/**
 * The command's side: writes that return at once, and a drain that returns once they are all written. A failed
 * write is thrown by the next write or drain, as a synchronous write would have thrown it.
 */
export class StdoutRelay {
  private readonly slots: Int32Array;
  private failure?: WriteError;

  constructor(private readonly end: StdoutRelayEnd) {
    this.slots = new Int32Array(end.shared);
  }

  /** Hands `text` over to be written; waits only while more than RELAY_LIMIT_CHARS are not written yet. */
  public write(text: string): void {
    this.throwIfFailed();
    if (text.length === 0) return;
    Atomics.add(this.slots, RelaySlot.PENDING, text.length);
    this.end.port.postMessage(text);
    this.waitUntilPendingAtMost(RELAY_LIMIT_CHARS);
  }

  /** Returns once everything handed over is written; throws the error a write failed with. */
  public drain(): void {
    this.waitWritten();
    this.throwIfFailed();
  }

  /**
   * Returns once everything handed over is written or dropped, without throwing: before standard error is written
   * (so the two keep their order on a terminal), and before the thread ends (the first thread must have written
   * everything when the process exits).
   */
  public waitWritten(): void {
    this.waitUntilPendingAtMost(0);
  }

  private waitUntilPendingAtMost(limit: number): void {
    for (;;) {
      const pending = Atomics.load(this.slots, RelaySlot.PENDING);
      if (pending <= limit) return;
      Atomics.wait(this.slots, RelaySlot.PENDING, pending);
    }
  }

  private throwIfFailed(): void {
    if (!Atomics.load(this.slots, RelaySlot.FAILED)) return;
    this.failure ??= (receiveMessageOnPort(this.end.port)?.message as WriteError | undefined)
      ?? { message: 'standard output could not be written' };
    throw Object.assign(new Error(this.failure.message), this.failure.code ? { code: this.failure.code } : {});
  }
}
