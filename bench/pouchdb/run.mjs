// run.mjs N: PouchDB replication on the workload of OMS's BenchmarkSyncUpDown
// (internal/server/bench_test.go), to compare the two (scripts/bench-sync.sh).
//
// pouchdb-server (in-memory) runs on 127.0.0.1 at a free port, as a child
// process in its own process group. N product documents, shaped like the rows
// of catalog.GenerateProducts, are written offline into a local in-memory
// PouchDB "a" (not timed); then a.replicate.to(server) is timed ("up"), and a
// fresh local in-memory PouchDB "b" times b.replicate.from(server) ("down").
// Prints one JSON line {"n","up_ms","down_ms","total_ms"} on stdout; logs go
// to stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

PouchDB.plugin(memoryAdapter);

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 5000);
if (!Number.isInteger(n) || n <= 0) {
  console.error('usage: node run.mjs N');
  process.exit(2);
}
const log = (...a) => console.error('pouchdb-bench:', ...a);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Same vocabulary and distributions as internal/catalog/gen.go.
const words = (s) => s.trim().split(/\s+/);
const adjectives = words(`Heavy Light Compact Premium Basic Industrial Classic Modern Mini Large Small Extra Ultra Super
  Rugged Slim Smart Digital Manual Electric Cordless Portable Professional Universal Flexible Waterproof Outdoor Indoor
  Quick Precision Reinforced Galvanized Polished Brushed Insulated Folding Adjustable Magnetic Ergonomic Durable`);
const materials = words(`Steel Stainless Brass Copper Aluminium Plastic Nylon Rubber Wooden Oak Pine Bamboo Glass Ceramic
  Leather Cotton Wool Linen Silicone Carbon Titanium Zinc Iron Chrome Vinyl Canvas Felt Cork Granite Marble`);
const nouns = words(`Bolt Screw Nut Washer Hinge Bracket Hook Clamp Drill Hammer Wrench Pliers Saw Chisel File Brush
  Roller Tape Glue Cable Plug Socket Switch Lamp Bulb Battery Charger Adapter Hose Valve Pipe Fitting Shelf Box Crate
  Basket Bucket Mug Cup Plate Bowl Jar Bottle Towel Blanket Pillow Chair Stool Table Mat Rope`);
const suffixes = words(`M4 M5 M6 M8 M10 M12 S M L XL XXL 250ml 500ml 1l 2l 5l 10mm 20mm 50mm 100mm 2m 5m 10m Red Blue Green Black White Grey`);
const intl = words(`Κόκκινο Ξύλινο Μεταλλικό Красный Деревянный Стальной Phở Bánh Mì Cà Phê Đồng Hồ Nồi Chảo`);

// A small deterministic PRNG (mulberry32): the values need not match Go's.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { intN: (k) => Math.floor(next() * k), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// A UUIDv7 like store.NewID: 48 bits of ms time, then random bits.
let lastMs = 0, seq = 0;
function uuidv7() {
  const ms = Date.now();
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  const b = randomBytes(16);
  const t = BigInt(ms) * 4096n + BigInt(seq & 0xfff); // keep ids ordered within a ms
  for (let i = 5; i >= 0; i--) b[i] = Number((t >> BigInt(8 * (5 - i) + 12)) & 0xffn);
  b[6] = 0x70 | (Number(t & 0xfffn) >> 8);
  b[7] = Number(t & 0xffn);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function ean13(i) {
  const body = '20' + String(i).padStart(10, '0');
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(body[k]) * (k % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

// The documents: the columns of a products row (gen.go's INSERT), with the
// row id as _id, plus the product's barcode value (a row of its own in OMS).
function generateProducts(count, seed) {
  const r = rng(seed);
  const now = new Date().toISOString(); // 2006-01-02T15:04:05.000Z, as store.FormatTime
  const taxClassId = uuidv7();
  const docs = [];
  for (let i = 0; i < count; i++) {
    const w = [r.pick(adjectives), r.pick(materials), r.pick(nouns), r.pick(suffixes)];
    if (r.intN(20) === 0) w.push(r.pick(intl));
    w.push('X' + String(r.intN(10000)).padStart(4, '0'));
    const price = 100 + r.intN(99_901);
    const cost = Math.floor((price * (40 + r.intN(40))) / 100);
    let reorderPoint = 0, reorderQty = 0;
    if (i % 10 === 0) { reorderPoint = 5 + r.intN(46); reorderQty = 10 + r.intN(91); }
    const archived = i % 50 === 49;
    docs.push({
      _id: uuidv7(),
      sku: 'GEN-' + String(i).padStart(7, '0'),
      name: w.join(' '),
      description: '',
      unit: 'pcs',
      price,
      cost,
      tax_class_id: taxClassId,
      weight_g: 50 + r.intN(5000),
      length_mm: 10 + r.intN(990),
      width_mm: 10 + r.intN(990),
      height_mm: 10 + r.intN(990),
      reorder_point: reorderPoint,
      reorder_qty: reorderQty,
      active: archived ? 0 : 1,
      archived_at: archived ? now : '',
      created_at: now,
      updated_at: now,
      barcode: ean13(i),
    });
  }
  return docs;
}

async function waitUp(url, child, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch { /* not yet listening */ }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer at ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const work = mkdtempSync(join(tmpdir(), 'oms-pouchdb-'));
let child;
function stopServer() {
  if (child && child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}
function cleanup() {
  stopServer();
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

try {
  const port = await freePort();
  const bin = join(here, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  // Its own process group (detached), so the kill reaches everything it starts.
  // Its config.json and log.txt go into the temporary directory.
  child = spawn(process.execPath, [bin, '--in-memory', '--no-stdout-logs', '-o', '127.0.0.1', '-p', String(port),
    '-c', join(work, 'config.json')], { cwd: work, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', (e) => log('spawn:', e.message));
  const base = `http://127.0.0.1:${port}`;
  const info = await waitUp(base + '/', child);
  log(`pouchdb-server ${info.version} (pid ${child.pid}) at ${base}, adapters ${JSON.stringify(info['pouchdb-adapters'])}`);

  const remote = new PouchDB(`${base}/products`);
  await remote.info(); // creates the database, before the clock starts
  const a = new PouchDB('a', { adapter: 'memory' });
  const docs = generateProducts(n, 1);
  const bytes = Buffer.byteLength(JSON.stringify(docs));
  for (let i = 0; i < docs.length; i += 10_000) {
    const res = await a.bulkDocs(docs.slice(i, i + 10_000));
    const bad = res.find((x) => x.error);
    if (bad) throw new Error(`bulkDocs: ${bad.id}: ${bad.reason ?? bad.error}`);
  }
  log(`${n} documents on a (${Math.round(bytes / n)} bytes of JSON each)`);

  let t0 = performance.now();
  const up = await a.replicate.to(remote);
  const upMs = performance.now() - t0;
  if (!up.ok || up.docs_written !== n) throw new Error(`up: ok=${up.ok}, ${up.docs_written} of ${n} written, errors ${JSON.stringify(up.errors)}`);

  const b = new PouchDB('b', { adapter: 'memory' });
  t0 = performance.now();
  const down = await b.replicate.from(remote);
  const downMs = performance.now() - t0;
  const bInfo = await b.info();
  if (!down.ok || bInfo.doc_count !== n) throw new Error(`down: ok=${down.ok}, b has ${bInfo.doc_count} of ${n} docs`);
  log(`up ${upMs.toFixed(0)} ms, down ${downMs.toFixed(0)} ms`);

  await Promise.all([a.destroy(), b.destroy(), remote.close()]);
  const r = (x) => Math.round(x);
  process.stdout.write(JSON.stringify({ n, up_ms: r(upMs), down_ms: r(downMs), total_ms: r(upMs + downMs) }) + '\n');
  process.exit(0);
} catch (e) {
  log('error:', e?.stack ?? e);
  process.exit(1);
}
