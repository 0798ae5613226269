import * as fs from 'fs';
import * as path from 'path';

/** What reports tell about the package that produced them, read from its package.json. */
export interface PackageInfo {
  /** The package version (`unknown` when package.json cannot be read). */
  readonly version: string;
  /** The project's web page: `homepage`, else the repository URL as a web address. */
  readonly informationUri?: string;
}

let cached: PackageInfo | undefined;

/**
 * The version and home page of this package. Both the compiled code (lib/x/y.js) and the sources (src/x/y.ts)
 * sit two directories below package.json.
 */
export function packageInfo(): PackageInfo {
  if (!cached) cached = readPackageInfo(path.join(__dirname, '..', '..', 'package.json'));
  return cached;
}

/** The package information in one package.json file. */
export function readPackageInfo(file: string): PackageInfo {
  let json: any;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { version: 'unknown' };
  }
  const version = typeof json.version === 'string' ? json.version : 'unknown';
  const informationUri = webAddress(json.homepage) ?? webAddress(typeof json.repository === 'string' ? json.repository : json.repository?.url);
  return informationUri ? { version, informationUri } : { version };
}

/** An http(s) address, with a repository URL's `git+` prefix and `.git` suffix removed; undefined for anything else. */
function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const address = value.trim().replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\/[^\s]+$/.test(address) ? address : undefined;
}
