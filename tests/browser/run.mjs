// The published pages in a real browser (issue 8).
//
//   node tests/browser/run.mjs LADDERC SCRATCH_DIR [--only SUBSTRING] [--verbose]
//   node tests/browser/run.mjs --self-test
//
// Builds the site of each test ladder with `LADDERC build`, then opens every
// HTML page the build wrote in headless Chromium and checks it the way people
// use it: errors, offline, accessibility (axe-core, light and dark), a 390px
// phone, print, keyboard, permalinks, links between pages, and the marks of
// what changed since an older version (build --since); and so are the
// pages `render -f html` writes beyond the site (the self-review sheet, the
// level and next-level views and the whole ladder on one page, of
// ladders/sequence.yaml), and the report `assess -f html` writes (issue 18:
// noindex, and printed one person per page). One browser,
// pages in sequence. Exit 0: every check passed; 1: a check failed; 2: the
// suite could not run (bad arguments, build failed); 77: skipped, with why
// (no Chromium or no node_modules), for ctest's SKIP_RETURN_CODE.
// --self-test runs the checks on fixtures/bad.html, which breaks each of them:
// it passes when every check fails there.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, mkdirSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { here, sourceDir, missingPrerequisite, launch } from './chromium.mjs';

// [name, ladder, older version for build --since (optional)]
const LADDERS = [
	['sequence', 'ladders/sequence.yaml'],
	['example', 'ladders/example/ladder.yaml'],
	['hostile', 'tests/hostile/ladder.yaml'],
	['since', 'tests/diff/filter-fork/new.yaml', 'tests/diff/filter-fork/old.yaml'],
	// several ladders in one build: each in its own folder, the index at the top
	['several', ['tests/ladders/disciplines.yaml', 'tests/ladders/restated.yaml']],
];
const RENDERED = [
	['sheet-E4.html', ['--role', 'software-engineer', '--level', 'E4', '--sheet']],
	['level-E4.html', ['--level', 'E4']],
	['next-E3.html', ['--role', 'software-engineer', '--level', 'E3', '--next']],
	['ladder.html', []],
	// the next view of restated competencies: a word diff and proficiency badges
	['next-restated-IC3.html', ['--role', 'engineer', '--level', 'IC3', '--next'], 'tests/ladders/restated.yaml'],
	// leadership competencies that apply from a level on one track
	['level-leadership-L4.html', ['--level', 'L4'], 'tests/ladders/leadership.yaml'],
	// the level view with what changed since an older version marked
	['level-IC2-since.html', ['--role', 'engineer', '--level', 'IC2', '--since', 'tests/diff/filter-fork/old.yaml'],
	 'tests/diff/filter-fork/new.yaml'],
];
// `assess -f html` on the example ratings: every person, then the team.
const ASSESSED = [
	['assess.html', ['--as-of', '2026-12-01', 'ladders/example/ladder.yaml', 'ladders/example/ratings.yaml']],
];
const CHECKS = ['errors', 'offline', 'inert', 'axe', 'phone', 'print', 'keyboard', 'permalinks', 'links', 'changed'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const MAX_TABS = 4000;        // a page with more focus stops than this fails
const MAX_PERMALINKS = 400;   // anchors navigated to per page (all kinds, evenly sampled)

function usage(msg) {
	console.error(`browser: ${msg}\nusage: node run.mjs LADDERC SCRATCH_DIR [--only SUBSTRING] [--verbose]`);
	process.exit(2);
}

const args = process.argv.slice(2);
let only = null, verbose = false, selfTest = false;
const positional = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--only') only = args[++i];
	else if (args[i] === '--verbose') verbose = true;
	else if (args[i] === '--self-test') selfTest = true;
	else positional.push(args[i]);
}
if (positional.length !== (selfTest ? 0 : 2)) usage('expected LADDERC and SCRATCH_DIR');

const why = missingPrerequisite();
if (why) {
	console.log(`SKIP: browser suite not run: ${why}`);
	process.exit(77);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// ---- build the sites ---------------------------------------------------------

function htmlFiles(dir) {
	const found = [];
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) found.push(...htmlFiles(p));
		else if (e.name.endsWith('.html')) found.push(p);
	}
	return found.sort();
}

const pages = [];
if (selfTest) {
	const file = join(here, 'fixtures', 'bad.html');
	pages.push({ ladder: 'self-test', root: dirname(file), file, name: 'self-test/bad.html' });
} else {
	const ladderc = resolve(positional[0]);
	const scratch = resolve(positional[1]);
	if (!existsSync(ladderc)) usage(`no ladderc at ${ladderc}`);
	rmSync(scratch, { recursive: true, force: true });
	mkdirSync(scratch, { recursive: true });
	buildSites(ladderc, scratch);
}

function buildSites(ladderc, scratch) {
	for (const [name, file, since] of LADDERS) {
		const out = join(scratch, name);
		const sinceArgs = since ? ['--since', join(sourceDir, since)] : [];
		try {
			execFileSync(ladderc, ['build', ...sinceArgs, '-o', out, ...[file].flat().map(f => join(sourceDir, f))],
			             { stdio: ['ignore', 'pipe', 'pipe'] });
		} catch (e) {
			console.error(`browser: ladderc build -o ${out} ${file} failed (exit ${e.status}):\n${e.stderr}`);
			process.exit(2);
		}
		const files = htmlFiles(out);
		if (files.length === 0) {
			console.error(`browser: ladderc build wrote no HTML page for ${file}`);
			process.exit(2);
		}
		for (const f of files)
			pages.push({ ladder: name, root: out, file: f, name: `${name}/${relative(out, f)}` });
	}
	// Pages `render -f html` writes that the site does not hold: the self-review
	// sheet people print, and the level and next-level views.
	const out = join(scratch, 'render');
	mkdirSync(out);
	for (const [page, args, ladder] of RENDERED) {
		const file = join(out, page);
		try {
			writeFileSync(file, execFileSync(ladderc, ['render', '-f', 'html', ...args, join(sourceDir, ladder || LADDERS[0][1])],
			                                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] }));
		} catch (e) {
			console.error(`browser: ladderc render -f html ${args.join(' ')} failed (exit ${e.status}):\n${e.stderr}`);
			process.exit(2);
		}
		pages.push({ ladder: 'render', root: out, file, name: `render/${page}` });
	}
	const reports = join(scratch, 'assess');
	mkdirSync(reports);
	for (const [page, args] of ASSESSED) {
		const file = join(reports, page);
		const paths = args.map(a => a.endsWith('.yaml') ? join(sourceDir, a) : a);
		try {
			writeFileSync(file, execFileSync(ladderc, ['assess', '-f', 'html', ...paths],
			                                 { stdio: ['ignore', 'pipe', 'pipe'] }));
		} catch (e) {
			console.error(`browser: ladderc assess -f html ${args.join(' ')} failed (exit ${e.status}):\n${e.stderr}`);
			process.exit(2);
		}
		pages.push({ ladder: 'assess', root: reports, file, name: `assess/${page}` });
	}
}

// ---- checks on one page ----------------------------------------------------------

// Everything the page itself can be asked, in the page (no network, no script
// of the page's own: this runs from Playwright's isolated evaluation).
function pageFacts() {
	const focusSel = 'a[href], area[href], button, input, select, textarea, summary, iframe, ' +
	                 '[tabindex]:not([tabindex="-1"]), [contenteditable]';
	const visible = el => {
		const s = getComputedStyle(el);
		if (s.visibility === 'hidden' || s.display === 'none') return false;
		return el.getClientRects().length > 0;
	};
	const focusables = [...document.querySelectorAll(focusSel)].filter(el => !el.disabled && visible(el) ||
		el.classList.contains('skip'));
	focusables.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
	const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
	// A competency's own links (ul.links, issue 17) are the only ones that may
	// leave the site: the loader allows http, https and mailto only, and each
	// carries rel="noopener". Every other link stays inside the site.
	const own = a => a.closest('ul.links') !== null;
	const hrefs = [...document.querySelectorAll('a[href]')].filter(a => !own(a)).map(a => a.getAttribute('href'));
	const outLinks = [...document.querySelectorAll('ul.links a[href]')].map(a => ({
		href: a.getAttribute('href'), rel: a.getAttribute('rel') || '' }));
	const anchors = [...document.querySelectorAll('section.role[id], section.level[id], section.matrix[id], ' +
	                                             'section.next[id], section.sheet[id], div.comp[id], tr[id], ' +
	                                             'h2[id], section[id], li[id]')]
		.map(el => ({ id: el.id, kind: el.className || el.tagName.toLowerCase() }));
	const inert = [];
	for (const el of document.querySelectorAll('*')) {
		if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'LINK', 'IMG', 'VIDEO', 'AUDIO']
		    .includes(el.tagName))
			inert.push(`<${el.tagName.toLowerCase()}> element`);
		for (const a of el.attributes) {
			if (/^on/i.test(a.name)) inert.push(`${a.name}= attribute on <${el.tagName.toLowerCase()}>`);
			if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|action|xlink:href)$/i.test(a.name))
				inert.push(`${a.name}="${a.value.slice(0, 40)}"`);
		}
	}
	const robots = document.querySelector('meta[name="robots"]');
	return { focusCount: focusables.length, ids, hrefs, outLinks, anchors, inert,
	         lang: document.documentElement.lang, title: document.title,
	         robots: robots ? robots.getAttribute('content') : null };
}

function phoneFacts() {
	const root = document.scrollingElement;
	const vw = window.innerWidth;
	// An element that pokes out of the viewport and is not inside a box that
	// scrolls on its own is what makes a page scroll sideways.
	const culprits = [];
	if (root.scrollWidth > vw) {
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right <= vw + 0.5) continue;
			let p = el.parentElement, contained = false;
			while (p && p !== document.body) {
				const ox = getComputedStyle(p).overflowX;
				if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') {
					contained = true;
					break;
				}
				p = p.parentElement;
			}
			if (!contained)
				culprits.push(`<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${el.className ? ' class=' + el.className : ''}> right=${Math.round(r.right)}`);
			if (culprits.length >= 5) break;
		}
	}
	// None found (an absolutely positioned element escapes an overflow box
	// that is not its containing block): find what to hide to stop it.
	if (root.scrollWidth > vw && !culprits.length) {
		let el = document.body;
		for (;;) {
			const next = [...el.children].find(c => {
				const d = c.style.display;
				c.style.display = 'none';
				const w = root.scrollWidth;
				c.style.display = d;
				return w <= vw;
			});
			if (!next) break;
			el = next;
		}
		const path = [];
		for (let e = el; e && e !== document.body; e = e.parentElement)
			path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : e.className ? '.' + e.className : ''));
		culprits.push(`hiding ${path.join(' > ')} stops it (an absolutely positioned descendant escaping its overflow box?)`);
	}
	// Every table wider than the phone must scroll inside its own box.
	const tables = [];
	for (const t of document.querySelectorAll('table')) {
		if (t.getBoundingClientRect().width <= vw) continue;
		const wrap = t.closest('.table-wrap');
		const ox = wrap ? getComputedStyle(wrap).overflowX : 'none';
		if (!wrap || !(ox === 'auto' || ox === 'scroll') || wrap.getBoundingClientRect().right > vw + 0.5)
			tables.push(`table "${(t.caption && t.caption.textContent || '').slice(0, 50)}" not in a scrolling box`);
	}
	return { scrollWidth: root.scrollWidth, innerWidth: vw, culprits, tables };
}

// The marks of what changed (build --since): every element of class
// `changed` carries words, "Changed since ...", in a badge inside it (or, for
// a title's span, right after it), never colour alone; the mark is on screen
// at the viewport's width (or in a box that scrolls), fits its cell, and on
// a site links to an entry of the changes page.
function changedFacts() {
	const bad = [];
	const vw = window.innerWidth;
	let marks = 0;
	// Word diffs (the next view of a restated competency, the changes page,
	// `diff -f html`): an added or removed word shows by a line under or
	// through it, not by its background colour alone.
	for (const [sel, line] of [['ins', 'underline'], ['del', 'line-through']])
		for (const el of document.querySelectorAll(sel))
			if (!getComputedStyle(el).textDecorationLine.includes(line))
				bad.push(`<${sel}> "${(el.textContent || '').trim().slice(0, 40)}": not marked by ${line}, colour alone`);
	for (const el of document.querySelectorAll('.changed')) {
		const next = el.nextElementSibling;
		const mark = [...el.querySelectorAll('.badge')].find(b => /^Changed since/.test((b.textContent || '').trim())) ||
		             (next && next.matches('.changed-mark') ? next : null);
		const what = `<${el.tagName.toLowerCase()} class="${el.className}"> "${(el.textContent || '').trim().slice(0, 40)}"`;
		const words = mark ? (mark.textContent || '').trim() : '';
		if (!/^Changed since \S/.test(words)) {
			bad.push(`${what}: no "Changed since" mark in words`);
			continue;
		}
		marks++;
		const r = mark.getBoundingClientRect();
		const s = getComputedStyle(mark);
		if (!r.width || !r.height || s.visibility === 'hidden' || s.display === 'none')
			bad.push(`${what}: its mark is not visible`);
		if (r.right > vw + 0.5 && !mark.closest('.table-wrap'))
			bad.push(`${what}: its mark pokes out of the ${vw}px viewport`);
		const cell = mark.closest('td, th, li, div, p');
		if (cell && r.width > cell.getBoundingClientRect().width + 1)
			bad.push(`${what}: its mark is wider than its cell`);
		if (mark.tagName === 'A' && !/^(changes\.html)?#change-\d+$/.test(mark.getAttribute('href') || ''))
			bad.push(`${what}: its mark links to ${mark.getAttribute('href')}, not an entry of the changes page`);
	}
	return { marks, bad };
}

function printFacts() {
	const bad = [];
	for (const n of document.querySelectorAll('nav, .skip'))
		if (getComputedStyle(n).display !== 'none') bad.push(`<${n.tagName.toLowerCase()} class=${n.className}> shown in print`);
	for (const t of document.querySelectorAll('thead'))
		if (getComputedStyle(t).display !== 'table-header-group') bad.push('thead not display:table-header-group');
	for (const w of document.querySelectorAll('.table-wrap'))
		if (getComputedStyle(w).overflowX !== 'visible') bad.push('.table-wrap clips its table in print');
	for (const th of document.querySelectorAll('thead th'))
		if (getComputedStyle(th).position === 'sticky') { bad.push('sticky header in print'); break; }
	// An assess report prints one person per page.
	const people = [...document.querySelectorAll('section.person')];
	const together = people.slice(0, -1).filter(el => getComputedStyle(el).breakAfter !== 'page').length;
	if (together) bad.push(`${together} of ${people.length} people do not end their printed page`);
	const wide = [...document.querySelectorAll('section.matrix, table.sheet')].filter(el =>
		getComputedStyle(el).page !== 'wide');
	if (wide.length) bad.push(`${wide.length} matrix/sheet not on the landscape page`);
	return { bad, matrices: document.querySelectorAll('section.matrix, table.sheet').length, people: people.length };
}

// The focused element, and whether it shows that it has focus.
function focusFacts() {
	const el = document.activeElement;
	if (!el || el === document.body) return { kbd: null };
	const s = getComputedStyle(el);
	const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
	const shadow = s.boxShadow && s.boxShadow !== 'none';
	const r = el.getBoundingClientRect();
	const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight &&
	                 r.right > 0 && r.left < innerWidth;
	return { kbd: el.getAttribute('data-kbd'), tag: el.tagName.toLowerCase(),
	         text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
	         visibleFocus: outline || shadow, onScreen };
}

function targetFacts(id) {
	const el = document.getElementById(id);
	if (!el) return { exists: false };
	const r = el.getBoundingClientRect();
	// A level's permalink highlights that level's column in the role's
	// matrices (CSS :target, no script): its header cell stands out from the
	// corner cell of the same header row.
	let column = null;
	const m = /^(.+)\.level\.([^.]+)$/.exec(id);
	if (m && el.matches('section.level')) {
		const role = document.getElementById(m[1]);
		const cells = role ? [...role.querySelectorAll('table.matrix thead th')]
			.filter(th => th.classList.contains('l-' + m[2])) : [];
		column = cells.length === 0 || cells.every(th => {
			const corner = th.parentElement.querySelector('th');
			return getComputedStyle(th).backgroundColor !== getComputedStyle(corner).backgroundColor;
		});
	}
	// In view: the top of the element is on screen (long sections run on below).
	return { exists: true, isTarget: el.matches(':target'), column,
	         inView: r.top >= -1 && r.top < innerHeight - 10, top: Math.round(r.top) };
}

function sample(list, max) {
	if (list.length <= max) return list;
	const out = [];
	for (let i = 0; i < max; i++) out.push(list[Math.floor(i * (list.length - 1) / (max - 1))]);
	return out;
}

const fileIds = new Map(); // file path -> Set of ids, for links between pages
const crossLinks = [];     // {from, file, id}

async function checkPage(browser, pg) {
	const fail = {};
	for (const c of CHECKS) fail[c] = [];
	const url = pathToFileURL(pg.file).href;
	pg.laps = {};
	let lapStart = Date.now();
	const lap = name => { pg.laps[name] = Date.now() - lapStart; lapStart = Date.now(); };
	const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light', reducedMotion: 'reduce' });
	const page = await context.newPage();
	page.setDefaultTimeout(30000);
	page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') fail.errors.push(`console ${m.type()}: ${m.text()}`); });
	page.on('pageerror', e => fail.errors.push(`page error: ${e.message}`));
	page.on('dialog', d => { fail.inert.push(`dialog opened: ${d.message()}`); d.dismiss().catch(() => {}); });
	page.on('popup', () => fail.inert.push('popup opened'));
	// Offline: the page may load itself and nothing else.
	await context.route('**/*', route => {
		const u = route.request().url().split('#')[0];
		if (u === url) return route.continue();
		fail.offline.push(`request: ${u.slice(0, 120)}`);
		return route.abort('blockedbyclient');
	});
	page.on('requestfailed', r => {
		const u = r.url().split('#')[0];
		if (u !== url && !fail.offline.some(f => f.includes(u.slice(0, 120)))) fail.offline.push(`failed request: ${u.slice(0, 120)}`);
	});
	page.on('request', r => {
		const u = r.url().split('#')[0];
		if (u !== url && !u.startsWith('file:') && !fail.offline.some(f => f.includes(u.slice(0, 120))))
			fail.offline.push(`request: ${u.slice(0, 120)}`);
	});
	const resp = await page.goto(url, { waitUntil: 'load' });
	if (!resp) fail.errors.push('the page did not load');

	const facts = await page.evaluate(pageFacts);
	fail.inert.push(...facts.inert);
	fileIds.set(pg.file, new Set(facts.ids));
	if (!facts.title) fail.errors.push('no <title>');
	// Ratings are personal data: a report is kept out of search engines.
	if (pg.ladder === 'assess' && facts.robots !== 'noindex') fail.errors.push('no <meta name="robots" content="noindex">');
	const idset = new Set(facts.ids);
	if (idset.size !== facts.ids.length) {
		const seen = new Set();
		const dups = facts.ids.filter(id => seen.has(id) || !seen.add(id));
		fail.permalinks.push(`duplicate ids: ${[...new Set(dups)].slice(0, 5).join(', ')}`);
	}
	// A competency's links: http, https or mailto, opened without a way back.
	for (const { href, rel } of facts.outLinks) {
		if (!/^(https?:\/\/|mailto:)/i.test(href)) fail.links.push(`competency link with another scheme: ${href.slice(0, 80)}`);
		if (!/\bnoopener\b/.test(rel)) fail.links.push(`competency link without rel="noopener": ${href.slice(0, 80)}`);
	}
	// Links: in-page anchors must exist; other pages are checked once every page is read.
	for (const href of facts.hrefs) {
		if (href.startsWith('#')) {
			if (!idset.has(decodeURIComponent(href.slice(1)))) fail.links.push(`broken in-page link ${href}`);
		} else if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
			fail.links.push(`link out of the site: ${href.slice(0, 80)}`);
		} else {
			const [path, id] = href.split('#');
			crossLinks.push({ from: pg.name, file: resolve(dirname(pg.file), decodeURIComponent(path)), id: id && decodeURIComponent(id), href });
		}
	}

	lap('load');

	// Accessibility: everything axe knows, light scheme; contrast again in dark.
	await page.addScriptTag({ content: axeSource });
	const axeRun = async only => page.evaluate(async rules => {
		const opts = { resultTypes: ['violations'] };
		if (rules) opts.runOnly = { type: 'rule', values: rules };
		const r = await window.axe.run(document, opts);
		return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, n: v.nodes.length,
			where: v.nodes.slice(0, 2).map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.split('\n').slice(1, 2).join('').trim() : '')) }));
	}, only);
	const serious = v => v.impact === 'serious' || v.impact === 'critical';
	for (const v of (await axeRun(null)).filter(serious))
		fail.axe.push(`light: ${v.id} (${v.impact}, ${v.n}×): ${v.help} at ${v.where.join(' | ')}`);
	await page.emulateMedia({ colorScheme: 'dark' });
	for (const v of (await axeRun(['color-contrast', 'link-in-text-block'])).filter(serious))
		fail.axe.push(`dark: ${v.id} (${v.impact}, ${v.n}×): ${v.help} at ${v.where.join(' | ')}`);
	await page.emulateMedia({ colorScheme: 'light' });

	lap('axe');

	// Phone: nothing scrolls sideways but the tables' own boxes.
	await page.setViewportSize(PHONE);
	const ph = await page.evaluate(phoneFacts);
	if (ph.scrollWidth > ph.innerWidth)
		fail.phone.push(`page scrolls sideways at ${PHONE.width}px: scrollWidth ${ph.scrollWidth} > ${ph.innerWidth}; ${ph.culprits.join('; ')}`);
	fail.phone.push(...ph.tables);
	// What changed: marked in words, on screen on a phone and on a desktop.
	const chPhone = await page.evaluate(changedFacts);
	fail.changed.push(...chPhone.bad.map(b => `${PHONE.width}px: ${b}`));
	await page.setViewportSize(DESKTOP);
	const chDesk = await page.evaluate(changedFacts);
	fail.changed.push(...chDesk.bad.map(b => `${DESKTOP.width}px: ${b}`));
	// A build --since role page that marks nothing would pass the above blind.
	const rolePage = !/(index|changes)\.html$/.test(pg.file);
	if ((pg.ladder === 'since' && rolePage || pg.name.endsWith('-since.html')) && !chDesk.marks)
		fail.changed.push('a page with what changed since an older version marks nothing');

	lap('phone');

	// Print: the print stylesheet applies, and the page prints to PDF.
	await page.emulateMedia({ media: 'print' });
	const pr = await page.evaluate(printFacts);
	fail.print.push(...pr.bad);
	await page.emulateMedia({ media: null }); // 'screen' would also rule page.pdf()
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') fail.print.push('page.pdf() did not give a PDF');
	const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
		.map(m => [parseFloat(m[3]) - parseFloat(m[1]), parseFloat(m[4]) - parseFloat(m[2])]);
	const landscape = boxes.filter(([w, h]) => w > h).length;
	if (pr.matrices && boxes.length && !landscape) fail.print.push('tables on the page but no landscape PDF page');
	else if (pr.matrices && boxes.length && boxes[0][0] < boxes[0][1])
		fail.print.push('a page of matrices starts on a portrait sheet');
	pg.pdfPages = boxes.length;
	if (pr.people && boxes.length < pr.people) fail.print.push(`${pr.people} people on ${boxes.length} printed pages`);

	lap('print');

	// Keyboard: Tab reaches every focus stop, each with a visible focus. The
	// page notes every focus as it happens (one round trip per key press).
	await page.evaluate(fn => {
		const facts = new Function(`return ${fn}`)();
		window.__ladderc_focus = [];
		document.addEventListener('focusin', () => window.__ladderc_focus.push(facts()));
		if (document.activeElement) document.activeElement.blur();
		window.scrollTo(0, 0);
	}, focusFacts.toString());
	const presses = Math.min(MAX_TABS, facts.focusCount + 2);
	for (let i = 0; i < presses; i++)
		await page.keyboard.press('Tab');
	const focused = await page.evaluate(() => window.__ladderc_focus);
	const reached = new Set();
	for (const f of focused) {
		if (f.kbd === null) continue;
		reached.add(f.kbd);
		if (!f.visibleFocus) fail.keyboard.push(`<${f.tag}> "${f.text}" has no visible focus`);
		if (!f.onScreen) fail.keyboard.push(`<${f.tag}> "${f.text}" focused off screen`);
	}
	if (reached.size < facts.focusCount)
		fail.keyboard.push(`Tab reached ${reached.size} of ${facts.focusCount} focus stops in ${presses} presses`);
	if (facts.focusCount > MAX_TABS) fail.keyboard.push(`${facts.focusCount} focus stops: too many to tab through`);
	pg.focusStops = facts.focusCount;

	lap('keyboard');

	// Permalinks: page#id puts the element on screen and makes it the :target.
	// The first anchor of each kind is loaded afresh (a link from elsewhere);
	// every anchor is then followed within the page (a link on the page).
	const anchors = facts.anchors.filter((a, i, all) => all.findIndex(b => b.id === a.id) === i);
	const targets = sample(anchors, MAX_PERMALINKS);
	const verdict = (a, t) => {
		if (!t.exists) fail.permalinks.push(`#${a.id}: no element`);
		else if (!t.isTarget) fail.permalinks.push(`#${a.id} (${a.kind}): not the :target`);
		else if (!t.inView) fail.permalinks.push(`#${a.id} (${a.kind}): not in view (top ${t.top}px)`);
		else if (t.column === false) fail.permalinks.push(`#${a.id}: the level's matrix column is not highlighted`);
	};
	const fragment = id => encodeURIComponent(id).replace(/%2E/gi, '.');
	for (const a of anchors.filter((a, i, all) => all.findIndex(b => b.kind === a.kind) === i)) {
		const fresh = await context.newPage();
		await fresh.goto(`${url}#${fragment(a.id)}`, { waitUntil: 'load' });
		verdict(a, await fresh.evaluate(targetFacts, a.id));
		await fresh.close();
	}
	const inPage = await page.evaluate(({ list, fn }) => {
		const facts = new Function(`return ${fn}`)();
		return list.map(a => {
			location.hash = encodeURIComponent(a.id).replace(/%2E/gi, '.');
			return facts(a.id);
		});
	}, { list: targets, fn: targetFacts.toString() });
	targets.forEach((a, i) => verdict(a, inPage[i]));
	if (!facts.anchors.length && !pg.file.endsWith('index.html')) fail.permalinks.push('no anchors on the page');
	pg.permalinks = targets.length;

	lap('permalinks');
	await context.close();
	return fail;
}

// ---- run ---------------------------------------------------------------------------

const started = Date.now();
const browser = await launch();
const selected = pages.filter(p => !only || p.name.includes(only));
const results = [];
for (const pg of selected) {
	const t0 = Date.now();
	let fail;
	try {
		fail = await checkPage(browser, pg);
	} catch (e) {
		fail = Object.fromEntries(CHECKS.map(c => [c, []]));
		fail.errors.push(`the suite broke on this page: ${e.message.split('\n')[0]}`);
	}
	const ms = Date.now() - t0;
	results.push({ pg, fail, ms });
	const bad = CHECKS.filter(c => fail[c].length);
	console.log(`${bad.length ? 'FAIL' : 'ok  '} ${pg.name} (${(ms / 1000).toFixed(1)}s, ${pg.focusStops ?? '?'} focus stops, ${pg.permalinks ?? '?'} permalinks, ${pg.pdfPages ?? '?'} PDF pages)`);
	if (verbose) console.log(`     time: ${Object.entries(pg.laps || {}).map(([k, v]) => `${k} ${v}ms`).join(', ')}`);
	for (const c of bad) {
		const lines = verbose ? fail[c] : fail[c].slice(0, 6);
		for (const line of lines) console.log(`     ${c}: ${line}`);
		if (lines.length < fail[c].length) console.log(`     ${c}: ... and ${fail[c].length - lines.length} more`);
	}
}
await browser.close();

// Links between pages: the file exists and (when given) so does the id in it.
for (const l of crossLinks) {
	const res = results.find(r => r.pg.name === l.from);
	if (!existsSync(l.file) || !statSync(l.file).isFile()) {
		res.fail.links.push(`broken link ${l.href}: no such page`);
		continue;
	}
	const ids = fileIds.get(l.file);
	if (l.id && ids && !ids.has(l.id)) res.fail.links.push(`broken link ${l.href}: no id ${l.id} there`);
	if (l.id && !ids && !only) res.fail.links.push(`link ${l.href} to a page the build did not list`);
}
let failed = 0;
for (const r of results) {
	if (r.fail.links.length) {
		if (!CHECKS.filter(c => c !== 'links').some(c => r.fail[c].length))
			console.log(`FAIL ${r.pg.name} (links between pages)`);
		for (const line of r.fail.links.slice(0, 6)) console.log(`     links: ${line}`);
	}
	failed += CHECKS.filter(c => r.fail[c].length).length;
}

const secs = (Date.now() - started) / 1000;
if (selfTest) {
	const missed = CHECKS.filter(c => !results[0].fail[c].length);
	console.log(`\nbrowser self-test: ${CHECKS.length - missed.length} of ${CHECKS.length} checks caught what` +
	            ` fixtures/bad.html breaks${missed.length ? '; blind: ' + missed.join(', ') : ''} (${secs.toFixed(1)}s)`);
	process.exit(missed.length ? 1 : 0);
}
const total = results.length * CHECKS.length;
console.log(`\nbrowser: ${results.length} pages × ${CHECKS.length} checks (${CHECKS.join(', ')}) = ${total}; ` +
            `${total - failed} passed, ${failed} failed; ${secs.toFixed(1)}s`);
for (const name of [...LADDERS.map(l => l[0]), 'render', 'assess']) {
	const rs = results.filter(r => r.pg.ladder === name);
	if (rs.length) console.log(`  ${name}: ${rs.length} pages, ${rs.filter(r => CHECKS.some(c => r.fail[c].length)).length} failing`);
}
if (!results.length) {
	console.error('browser: no page selected');
	process.exit(2);
}
process.exit(failed ? 1 : 0);
