// Shared by run.mjs and screenshots.mjs: find what the browser suite needs and
// start Debian's Chromium the way this machine allows (no downloaded browser,
// no background networking: the network is closed and the pages need none).
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const here = dirname(fileURLToPath(import.meta.url));
export const sourceDir = join(here, '..', '..');
export const chromiumPath = process.env.LADDERC_CHROMIUM || '/usr/bin/chromium';

// Why the suite cannot run here, or null when it can.
export function missingPrerequisite() {
	if (!existsSync(chromiumPath))
		return `no Chromium at ${chromiumPath} (apt-get install chromium)`;
	if (!existsSync(join(here, 'node_modules', 'playwright-core')) ||
	    !existsSync(join(here, 'node_modules', 'axe-core')))
		return `no node_modules in ${here} (run: npm ci --prefix tests/browser)`;
	return null;
}

export async function launch() {
	const require = createRequire(import.meta.url);
	const { chromium } = require('playwright-core');
	// Playwright starts the browser with a new, empty temporary profile of its
	// own (it refuses --user-data-dir in args) and removes it on close.
	return chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		       '--disable-background-networking', '--disable-component-update', '--disable-sync',
		       '--disable-features=Translate,MediaRouter,OptimizationHints',
		       '--font-render-hinting=none'],
	});
}
