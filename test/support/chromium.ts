/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH), the
 * flags this machine needs, and a suite name that says why the suite was skipped when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** The suite's name, with the reason when Chromium is missing (also printed once). */
export function browserSuite(name: string): string {
  if (HAVE_CHROMIUM) return name;
  const skipped = `${name} — SKIPPED: no Chromium at ${CHROMIUM} (install it or set CHROMIUM_PATH)`;
  process.stderr.write(`test/browser: ${skipped}\n`);
  return skipped;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
