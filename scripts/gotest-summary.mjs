// Reads `go test -json` on stdin, prints a line per package (as go test does)
// and the output of every failed test, then "go: N passed, N failed, N skipped"
// and writes the counts to the file named by argv[2]. Exits 1 on any failure.
import { createInterface } from 'node:readline';
import { writeFileSync } from 'node:fs';

const out = new Map(); // "pkg test" -> output lines
let passed = 0, failed = 0, skipped = 0, pkgFailed = 0;
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  let ev;
  try { ev = JSON.parse(line); } catch { console.log(line); continue; }
  const key = `${ev.Package} ${ev.Test ?? ''}`;
  if (ev.Action === 'output') {
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(ev.Output);
    if (!ev.Test && /^(ok|FAIL|\?)\s/.test(ev.Output)) process.stdout.write(ev.Output);
    if (!ev.Test && /build failed|setup failed|panic:/.test(ev.Output)) process.stdout.write(ev.Output);
  }
  if (!ev.Test) { if (ev.Action === 'fail') pkgFailed++; continue; }
  if (ev.Action === 'pass') passed++;
  if (ev.Action === 'skip') skipped++;
  if (ev.Action === 'fail') {
    failed++;
    process.stdout.write(`--- FAIL ${ev.Package} ${ev.Test}\n${(out.get(key) ?? []).join('')}`);
  }
}
if (pkgFailed > 0 && failed === 0) failed = pkgFailed; // a package that failed to build has no test events
console.log(`go: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify({ passed, failed, skipped }));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
