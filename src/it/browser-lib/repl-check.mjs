#!/usr/bin/env node
// Checks that an emscripten-browser CPython build works in a real browser: opens the page
// wasm:serve(-start) serves, clicks "Start REPL", types print(6*7) + Enter and waits for 42.
//
//   npm ci --prefix src/it/browser-lib      # playwright-core, and xterm for <xtermDirectory>
//   node src/it/browser-lib/repl-check.mjs http://127.0.0.1:8000/python.html [SCREENSHOT] [options]
//
// SCREENSHOT is where to save the page at the end, pass or fail (default repl-check.png).
// Options:
//   --screenshot FILE   the same, as an option
//   --timeout MS        for each step (default 60000; the first load compiles a 6 MB wasm)
//   --chromium PATH     the browser (default $CHROMIUM or /usr/bin/chromium, Debian's package)
//   --code TEXT         what to type at the prompt (default print(6*7))
//   --expect TEXT       the output line to wait for (default 42)
//
// Exits 0 when the expected line appeared, 1 when it did not (with what the terminal, the console
// and the network showed), 2 on bad usage. Uses playwright-core only as a driver: it downloads no
// browser, so it works where only Debian's chromium exists.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const usage = 'usage: repl-check.mjs URL [SCREENSHOT] [--screenshot FILE] [--timeout MS] [--chromium PATH] [--code TEXT] [--expect TEXT]';

function parseArgs(argv) {
  const options = {
    screenshot: 'repl-check.png',
    timeout: 60000,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    code: 'print(6*7)',
    expect: '42',
  };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!(name in options) || i + 1 >= argv.length) {
        throw new Error(`unknown option or missing value: ${arg}`);
      }
      options[name] = argv[++i];
    } else {
      rest.push(arg);
    }
  }
  if (rest.length < 1 || rest.length > 2) {
    throw new Error('give the page URL, and optionally the screenshot path');
  }
  options.url = rest[0];
  if (rest.length === 2) {
    options.screenshot = rest[1];
  }
  options.timeout = Number(options.timeout);
  if (!Number.isInteger(options.timeout) || options.timeout <= 0) {
    throw new Error('--timeout must be a positive number of milliseconds');
  }
  return options;
}

// xterm 4 draws on a canvas, so the DOM never holds the output. python.html loads xterm.js with a
// classic script that assigns window.Terminal; catching that assignment lets us wrap write()
// before the page creates its terminal, and every byte shown also lands in __replOutput.
const captureTerminal = () => {
  window.__replOutput = '';
  const decoder = new TextDecoder();
  let terminalClass;
  Object.defineProperty(window, 'Terminal', {
    configurable: true,
    get: () => terminalClass,
    set: (value) => {
      terminalClass = value;
      const original = value && value.prototype && value.prototype.write;
      if (typeof original !== 'function' || original.__captured) {
        return;
      }
      const write = function (data, callback) {
        window.__replOutput += typeof data === 'string' ? data : decoder.decode(data, { stream: true });
        return original.call(this, data, callback);
      };
      write.__captured = true;
      value.prototype.write = write;
    },
  });
};

// The terminal converts \n to \r\n and echoes input; look for the expected text alone on a line.
function hasLine(output, line) {
  return output.split(/\r?\n|\r/).some((l) => l.trim() === line);
}

// Turns playwright's generic time-out into what did not happen.
async function step(what, promise) {
  try {
    return await promise;
  } catch (e) {
    throw new Error(/Timeout/.test(e.message) ? `${what}: timed out` : `${what}: ${e.message}`);
  }
}

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new Error(`cannot load playwright-core (${e.message}); run: npm ci --prefix src/it/browser-lib`);
  }
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    return 2;
  }
  const { chromium } = await loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'repl-check-'));
  const problems = [];
  const consoleLines = [];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  let page;
  try {
    await context.addInitScript(captureTerminal);
    page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(options.timeout);
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => {
      if (r.status() >= 400) {
        problems.push(`HTTP ${r.status()} for ${r.url()}`);
      }
    });

    const response = await page.goto(options.url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`the page answered ${response ? response.status() : 'nothing'}`);
    }
    const isolated = await page.evaluate(() => window.crossOriginIsolated);
    if (!isolated) {
      // The REPL's stdin is a SharedArrayBuffer, which only exists in an isolated page.
      throw new Error('the page is not cross-origin isolated: COOP/COEP headers missing on some response');
    }
    await step('xterm.js did not load (CDN unreachable? serve with <xtermDirectory>)',
      page.waitForFunction(() => typeof window.Terminal === 'function'));
    await step('the Start REPL button (#repl) never became enabled', page.waitForSelector('#repl:not([disabled])'));
    console.log(`page ready, REPL button enabled after ${elapsed()}`);

    await page.click('#repl');
    await step('no >>> prompt appeared', page.waitForFunction(() => window.__replOutput.includes('>>> ')));
    console.log(`prompt after ${elapsed()}`);

    await page.click('#terminal');
    await page.keyboard.type(options.code);
    await page.keyboard.press('Enter');
    await step(`no line ${options.expect} after typing ${options.code}`, page.waitForFunction(
      ({ expect }) => window.__replOutput.split(/\r?\n|\r/).some((l) => l.trim() === expect),
      { expect: options.expect }));
    const output = await page.evaluate(() => window.__replOutput);
    if (!hasLine(output, options.expect)) {
      throw new Error(`expected a line ${options.expect}`);
    }
    console.log(`${options.code} printed ${options.expect} after ${elapsed()}`);
    await page.screenshot({ path: options.screenshot });
    console.log(`screenshot: ${options.screenshot}`);
    console.log('REPL check passed');
    return 0;
  } catch (e) {
    console.error(`REPL check failed after ${elapsed()}: ${e.message}`);
    if (page) {
      const output = await page.evaluate(() => window.__replOutput).catch(() => '(unavailable)');
      console.error(`--- terminal output ---\n${output}\n--- end of terminal output ---`);
      await page.screenshot({ path: options.screenshot }).then(
        () => console.error(`screenshot: ${options.screenshot}`), () => {});
    }
    for (const p of problems) {
      console.error(p);
    }
    if (consoleLines.length) {
      console.error(`--- browser console ---\n${consoleLines.join('\n')}\n--- end of browser console ---`);
    }
    return 1;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

process.exitCode = await main();
