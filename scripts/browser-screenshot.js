// Drive Neo4j Browser in a headless Chromium: log in, check that irkg's style is applied
// (browser.post_connect_cmd) or apply it with :style, run one Cypher query and save a
// screenshot of its graph. Run it through scripts/browser-screenshot.sh, which installs
// playwright-core (npm) outside the repository and sets NODE_PATH.
//
// Environment (all optional):
//   IRKG_BROWSER_URL     the Browser page            (default http://127.0.0.1:7474/browser/)
//   NEO4J_URI            the Bolt address to log in  (default bolt://127.0.0.1:7687)
//   NEO4J_USERNAME, NEO4J_PASSWORD                   (default neo4j / irkg-local-pw)
//   IRKG_STYLE_URL       stylesheet applied with :style when the server did not apply one on
//                        connect                     (default http://localhost:7490/irkg.grass)
//   IRKG_QUERY           the query (default: every fact but the documents' mentions)
//   IRKG_SCREENSHOT      output PNG                  (default docs/seed-graph.png)
//   IRKG_SCREENSHOT_AREA frame (the result frame, made fullscreen: default), small (the frame in
//                        the stream, not fullscreen) or page (the whole window)
//   IRKG_ZOOM_IN         zoom-in steps after the layout (default 0)
//   CHROMIUM             browser executable          (default /usr/bin/chromium)
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const env = (k, d) => process.env[k] || d;
const browserURL = env('IRKG_BROWSER_URL', 'http://127.0.0.1:7474/browser/');
const boltURI = env('NEO4J_URI', 'bolt://127.0.0.1:7687');
const user = env('NEO4J_USERNAME', 'neo4j');
const password = env('NEO4J_PASSWORD', 'irkg-local-pw');
const styleURL = env('IRKG_STYLE_URL', 'http://localhost:7490/irkg.grass');
const query = env('IRKG_QUERY', 'MATCH (n)-[r]->(m) WHERE NOT n:Document RETURN n, r, m');
const out = env('IRKG_SCREENSHOT', 'docs/seed-graph.png');
const area = env('IRKG_SCREENSHOT_AREA', 'frame');
const executablePath = env('CHROMIUM', '/usr/bin/chromium');

const log = (...a) => console.error('browser-screenshot:', ...a);

// Frames of the stream, newest first: their command lines (":style http://…", "MATCH …").
async function frameCommands(page) {
  return page.$$eval('[data-testid="frameCommand"]', els => els.map(e => e.textContent.trim()));
}

// Types a command into the Browser's editor and runs it.
async function run(page, cmd) {
  const editor = page.locator('[data-testid="activeEditor"]').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText: no key events, so the editor's auto-closing of brackets and quotes stays out.
  await page.keyboard.insertText(cmd);
  await page.locator('[data-testid="editor-Run"]').first().click();
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'irkg-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on('pageerror', e => log('page error:', e.message));
  try {
    log('opening', browserURL);
    await page.goto(browserURL, { waitUntil: 'domcontentloaded' });

    // The connect form: the address field takes a full bolt:// URL.
    const address = page.locator('[data-testid="boltaddress"]');
    await address.waitFor({ timeout: 60000 });
    await address.fill(boltURI);
    const authMethod = page.locator('[data-testid="authenticationMethod"]');
    if (await authMethod.count()) await authMethod.selectOption({ label: 'Username / Password' }).catch(() => {});
    await page.locator('[data-testid="username"]').fill(user);
    await page.locator('[data-testid="password"]').fill(password);
    await page.locator('[data-testid="connect"]').click();
    log('connecting to', boltURI, 'as', user);
    await page.locator('[data-testid="boltaddress"]').waitFor({ state: 'detached', timeout: 60000 });

    // browser.post_connect_cmd runs once the server's settings are in: wait a little for it.
    // A :style frame with an error (asset server down, host not allowed) does not count.
    const styleFrames = () => page.$$eval('[data-testid="frame"]', frames => frames
      .filter(f => (f.querySelector('[data-testid="frameCommand"]') || {}).textContent?.trim().startsWith(':style'))
      .map(f => ({ ok: !/ERROR|Error|Could not/.test(f.textContent), text: f.textContent.replace(/\s+/g, ' ') })));
    let styled = false;
    for (let i = 0; i < 20 && !styled; i++) {
      await page.waitForTimeout(500);
      styled = (await styleFrames()).some(f => f.ok);
    }
    if (styled) {
      log('the server applied a style on connect (browser.post_connect_cmd)');
    } else {
      log('no style applied on connect: running :style', styleURL);
      await run(page, ':style ' + styleURL);
      await page.waitForTimeout(2000);
      const last = (await styleFrames())[0]; // newest first
      if (!last || !last.ok) throw new Error('the style could not be applied: ' + (last ? last.text.slice(0, 300) : 'no :style frame'));
    }

    log('running', query);
    await run(page, query);
    const frame = page.locator('[data-testid="frame"]').filter({ has: page.locator('svg .node') }).first();
    await frame.waitFor({ timeout: 60000 });
    // Fullscreen frame: the graph gets the whole window (the layout is redone for the new size).
    if (area !== 'small') {
      await frame.locator('button[title="Fullscreen"]').first().click().catch(e => log('no fullscreen:', e.message));
    }
    // Let the force layout settle, then zoom in IRKG_ZOOM_IN steps.
    await page.waitForTimeout(6000);
    for (let i = 0; i < Number(env('IRKG_ZOOM_IN', '0')); i++) {
      await frame.locator('[aria-label="zoom-in"]').first().click({ timeout: 2000 }).catch(e => log('no zoom-in:', e.message));
      await page.waitForTimeout(800);
    }
    const nodes = await frame.locator('svg .node').count();
    const rels = await frame.locator('svg .relationship').count();
    log(`graph drawn: ${nodes} nodes, ${rels} relationships`);
    if (nodes === 0) throw new Error('no graph drawn');

    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    if (area === 'page') await page.screenshot({ path: out });
    else await frame.screenshot({ path: out });
    log('saved', out);
  } catch (e) {
    const dbg = path.join(os.tmpdir(), 'irkg-browser-screenshot-failure.png');
    await page.screenshot({ path: dbg }).catch(() => {});
    log('failed:', e.message, '(page as it was:', dbg + ')');
    process.exitCode = 1;
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main();
