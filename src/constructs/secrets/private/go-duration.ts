import { Duration } from 'cdk8s';

/** A cdk8s Duration as a Go duration string ("1h", "1h30m", "45s", "0s"), whole seconds only. */
export function goDuration(duration: Duration): string {
  let seconds: number;
  try {
    seconds = duration.toSeconds();
  } catch {
    throw new Error(`refreshInterval ${duration.toHumanString()} is not a whole number of seconds: use Duration.seconds/minutes/hours`);
  }
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new Error(`refreshInterval ${duration.toHumanString()} must be a whole number of seconds >= 0`);
  }
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}
