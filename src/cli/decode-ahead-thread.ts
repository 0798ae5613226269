import type { ExpandedAhead } from './collect-files';
import type { StartHelper } from './decode-ahead';
import { HelperEnds, startDecodeAheadThread } from './decode-ahead-start';
import { WalkedAhead } from './walk-ahead';

/** The thread that decodes a scan's files ahead of it, as the scan's thread uses it. */
export interface PrestartedHelper {
  /** How to hand it the scan's request. */
  readonly start: StartHelper;
  /** The scan's paths, which it expands first (walk-ahead.ts). */
  readonly expandedAhead: ExpandedAhead;
}

/** The scan's side of a helper started by this thread or another (main.ts). */
export function connectDecodeAheadThread(ends: HelperEnds): PrestartedHelper {
  return {
    start: (request, transfer) => ends.requests.postMessage(request, transfer),
    expandedAhead: new WalkedAhead(ends.walkState, ends.walked),
  };
}

/**
 * Starts the helper from this thread (when main.ts did not: the command runs in the first thread), so that it walks
 * the directories and loads the decoder while this one loads the rules.
 */
export function prestartDecodeAheadThread(args: string[], cwd: string): PrestartedHelper {
  return connectDecodeAheadThread(startDecodeAheadThread(args, cwd).ends);
}
