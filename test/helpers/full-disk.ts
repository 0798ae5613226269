import * as fs from 'fs';
import { FileWriter, NODE_WRITER } from '../../src/private/atomic-write';

/** Node's fs, except that the disk fills after `capacity` bytes. */
export function fullDiskWriter(capacity: number): FileWriter {
  let used = 0;
  return {
    ...NODE_WRITER,
    writeSync: (fd, buffer, offset, length) => {
      const room = capacity - used;
      if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const n = Math.min(room, length);
      used += n;
      return fs.writeSync(fd, buffer, offset, n);
    },
  };
}
