// Runs a wasm32-wasi program under Node's built-in WASI (preview1).
//
//   node wasi-run.mjs [--map GUEST::HOST]... [--env NAME=VALUE]... [--] PROGRAM.wasm [ARGS...]
//
// The same command line serves as CPython's HOSTRUNNER (make appends the
// program and its arguments) and as the plugin's wasm:run runner. Exit codes
// pass through; a trap becomes exit status 134 like an abort would.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const preopens = {};
const env = {};
const argv = process.argv.slice(2);
let i = 0;
for (; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--') { i++; break; }
  if (a === '--map') {
    const spec = argv[++i] ?? '';
    const sep = spec.indexOf('::');
    if (sep < 0) fail(`--map wants GUEST::HOST, got '${spec}'`);
    preopens[spec.slice(0, sep)] = spec.slice(sep + 2);
  } else if (a === '--env') {
    const spec = argv[++i] ?? '';
    const eq = spec.indexOf('=');
    if (eq <= 0) fail(`--env wants NAME=VALUE, got '${spec}'`);
    env[spec.slice(0, eq)] = spec.slice(eq + 1);
  } else {
    break;
  }
}
const program = argv[i];
if (!program) fail('no .wasm program given');
const args = argv.slice(i + 1);

function fail(message) {
  process.stderr.write(`wasi-run: ${message}\n`);
  process.exit(2);
}

const wasi = new WASI({ version: 'preview1', args: [program, ...args], env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
let status;
try {
  status = wasi.start(instance);
} catch (e) {
  process.stderr.write(`wasi-run: ${program} trapped: ${e && e.message ? e.message : e}\n`);
  status = 134;
}
process.exitCode = status;
