import { MessageChannel, MessagePort } from 'worker_threads';
import { FileEntry } from './collect-files';
import { Claim, DecodeAheadRequest, DecodedFile, IN_FLIGHT_LIMIT_BYTES, Slot } from './decode-ahead-protocol';
import { decodeFile } from './decode-file';
import { InputError } from './input-error';
import { decodeManifests } from '../decode/decode-manifests';
import { DecodeResult } from '../decode/decoded-object';
import { fromPortable } from '../decode/portable-decode';

/** Hands a request to the thread that will serve it (with `serveDecodeAhead`), moving the listed ports there. */
export type StartHelper = (request: DecodeAheadRequest, transfer: MessagePort[]) => void;

/**
 * The reading side of decoding ahead: the files of a scan decoded in file order, most of them by a helper thread
 * while this one checks the objects of the files before. A file the helper has not reached when it is needed is
 * decoded here instead, so a slow or busy helper never makes the scan slower than decoding alone; each file is
 * decoded exactly once, by the same code either way, and its objects cross as JSON (`PortableDecodeResult`).
 */
export class DecodeAhead {
  private readonly shared: Int32Array;
  private readonly port: MessagePort;
  /** Files posted and not taken yet, from `head` on. */
  private arrived: DecodedFile[] = [];
  private head = 0;
  private waiting?: () => void;
  private closed = false;
  /** Set when the helper's end of the channel closed: its thread ended, whether it was done or failed. */
  private helperGone = false;

  constructor(private readonly files: FileEntry[], private readonly maxBytes: number, startHelper: StartHelper) {
    this.shared = new Int32Array(new SharedArrayBuffer((Slot.CLAIMS + files.length) * Int32Array.BYTES_PER_ELEMENT));
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.on('message', (message: DecodedFile[]) => {
      for (const file of message) this.arrived.push(file);
      this.waiting?.();
    });
    this.port.on('close', () => {
      this.helperGone = true;
      this.waiting?.();
    });
    const shared = this.shared.buffer as SharedArrayBuffer;
    startHelper({ files, maxBytes, inFlightLimitBytes: IN_FLIGHT_LIMIT_BYTES, shared, port: channel.port2 }, [channel.port2]);
  }

  /** File `index` decoded; throws an InputError when it cannot be used. Files must be taken in order, each once. */
  public async take(index: number): Promise<DecodeResult> {
    if (Atomics.compareExchange(this.shared, Slot.CLAIMS + index, Claim.FREE, Claim.READER) === Claim.FREE) {
      this.advance(index, 0);
      return decodeFile(this.files[index], this.maxBytes).result;
    }
    const decoded = await this.next();
    // The helper's thread ended without posting the file it claimed (it crashed, or ran out of memory on it): this
    // thread decodes it, and fails as the helper did if it must.
    if (decoded === undefined) return decodeFile(this.files[index], this.maxBytes).result;
    if (decoded.index !== index) throw new Error(`decoding ahead: file ${decoded.index} arrived where file ${index} was due`);
    this.advance(index, decoded.bytes);
    if (decoded.portable) return fromPortable(decoded.portable);
    if (decoded.text !== undefined) return decodeManifests(decoded.text, this.files[index].display);
    if (decoded.problem) throw new InputError(decoded.problem);
    throw new Error(`decoding ahead failed on ${this.files[index].display}: ${decoded.failure}`);
  }

  /** Tells the helper to stop and closes the channel. Call it when the scan ends, however it ends. */
  public close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.shared, Slot.STOP, 1);
    Atomics.notify(this.shared, Slot.NEXT);
    this.port.close();
  }

  /** Notes that file `index` is taken: the helper starts after it, and may post `bytes` more. */
  private advance(index: number, bytes: number): void {
    if (bytes) Atomics.sub(this.shared, Slot.IN_FLIGHT, bytes);
    Atomics.store(this.shared, Slot.NEXT, index + 1);
    Atomics.notify(this.shared, Slot.NEXT);
  }

  /** The next file the helper posted; undefined once its thread has ended and every file it posted was taken. */
  private next(): Promise<DecodedFile | undefined> {
    if (this.head < this.arrived.length || this.helperGone) return Promise.resolve(this.shift());
    return new Promise(resolve => {
      this.waiting = () => {
        this.waiting = undefined;
        resolve(this.shift());
      };
    });
  }

  private shift(): DecodedFile | undefined {
    if (this.head >= this.arrived.length) return undefined;
    const file = this.arrived[this.head++];
    if (this.head === this.arrived.length) {
      this.arrived = [];
      this.head = 0;
    }
    return file;
  }
}
