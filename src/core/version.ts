/** The product's version, from package.json (for --version and the User-Agent). */
import { createRequire } from 'node:module';

let cached: string | undefined;

export function productVersion(): string {
  cached ??= (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  return cached;
}
