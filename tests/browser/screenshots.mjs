// The README's screenshots (docs/img/*.png), taken from the site that
// `ladderc build` writes for ladders/sequence.yaml:
//
//   node tests/browser/screenshots.mjs LADDERC [OUT_DIR]   (default docs/img)
//
// Three views, each at 1280px and at 390px (a phone): the overview and a
// role's matrix from the site, and the E4 level view (`render -f html --role
// software-engineer --level E4`, everything expected at E4 with what is new
// marked). What is shown is the first screen of the page, or of the
// permalink, as a reader lands on it. The PNGs are squeezed with pngquant
// when it is installed (apt-get install pngquant), which makes them about a
// third of the size; the script works without it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceDir, missingPrerequisite, launch } from './chromium.mjs';

const [laddercArg, outArg] = process.argv.slice(2);
if (!laddercArg) {
	console.error('usage: node screenshots.mjs LADDERC [OUT_DIR]');
	process.exit(2);
}
const why = missingPrerequisite();
if (why) {
	console.error(`screenshots: ${why}`);
	process.exit(2);
}
const outDir = resolve(outArg || join(sourceDir, 'docs', 'img'));
mkdirSync(outDir, { recursive: true });

const site = mkdtempSync(join(tmpdir(), 'ladderc-shots-'));
execFileSync(resolve(laddercArg), ['build', '-o', join(site, 'out'), join(sourceDir, 'ladders', 'sequence.yaml')],
             { stdio: 'inherit' });
writeFileSync(join(site, 'level.html'),
              execFileSync(resolve(laddercArg), ['render', '-f', 'html', '--role', 'software-engineer', '--level', 'E4',
                                                 join(sourceDir, 'ladders', 'sequence.yaml')]));
const page = name => pathToFileURL(join(site, 'out', name)).href;

const SHOTS = [
	['overview', page('index.html')],
	// a level's permalink lights its column in the matrix: shown from the matrix
	['matrix', page('software-engineer.html') + '#software-engineer.level.E4', () => {
		const matrix = document.getElementById('software-engineer.track.E');
		matrix.scrollIntoView();
		const wrap = matrix.querySelector('.table-wrap');
		const col = wrap.querySelector('thead th.l-E4');
		const corner = wrap.querySelector('thead th');
		if (col.offsetLeft + col.offsetWidth > wrap.clientWidth)
			wrap.scrollLeft = col.offsetLeft - corner.offsetWidth;
	}],
	['level', pathToFileURL(join(site, 'level.html')).href],
];
const SIZES = [
	{ suffix: '1280', viewport: { width: 1280, height: 800 }, scale: 1 },
	{ suffix: '390', viewport: { width: 390, height: 780 }, scale: 2 },
];

const havePngquant = (() => {
	try {
		execFileSync('pngquant', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

const browser = await launch();
for (const size of SIZES) {
	const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.scale,
	                                           colorScheme: 'light', reducedMotion: 'reduce' });
	await context.route('**/*', r => r.request().url().startsWith('file:') ? r.continue() : r.abort());
	const p = await context.newPage();
	for (const [name, url, prepare] of SHOTS) {
		const file = join(outDir, `${name}-${size.suffix}.png`);
		await p.goto(url, { waitUntil: 'load' });
		if (prepare) await p.evaluate(prepare);
		await p.screenshot({ path: file });
		if (havePngquant) {
			try {
				execFileSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--quality=70-95',
				                          '--speed=1', '--output', file, file], { stdio: 'inherit' });
			} catch (e) {
				// 98: no smaller, 99: not within the quality asked; the original stays
				if (e.status !== 98 && e.status !== 99) throw e;
			}
		}
		console.log(`${file} (${Math.round(statSync(file).size / 1024)} KiB)`);
	}
	await context.close();
}
await browser.close();
rmSync(site, { recursive: true, force: true });
if (!havePngquant) console.log('screenshots: pngquant not installed: PNGs left as Chromium wrote them');
if (!existsSync(outDir)) process.exit(1);
