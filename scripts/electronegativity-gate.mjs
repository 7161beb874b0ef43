// npm run electronegativity: runs @doyensec/electronegativity over the main process and the renderer's HTML and
// fails on any finding that is not in security/electronegativity-reviewed.json with a reason. The tool is
// unmaintained and cannot follow webPreferences built by a function, so it adds to the hardening tests (which
// check the real settings) and never replaces them; what it finds new, someone must look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const bin = join(root, 'node_modules', '.bin', 'electronegativity');
const reviewed = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-reviewed.json'), 'utf8')).reviewed;
mkdirSync(join(root, 'test-results'), { recursive: true });

const findings = [];
for (const input of ['src']) {
  const output = join(root, 'test-results', `electronegativity-${input.replace(/\W+/g, '-')}.csv`);
  // It fetches Electron's release list first; offline it says so and carries on.
  execFileSync(bin, ['-i', join(root, input), '-e', electronVersion, '-v', 'false', '-o', output], { stdio: 'ignore', timeout: 180_000 });
  for (const line of readFileSync(output, 'utf8').split('\n').slice(1)) {
    const match = /^(\w+),"(\w+)","(\w+)","([^"]+)","([^"]+)"/.exec(line);
    if (match) findings.push({ check: match[1], severity: match[2], file: relative(root, match[4]), location: match[5] });
  }
}
const unreviewed = findings.filter((f) => !reviewed.some((r) => r.check === f.check && r.file === f.file));
for (const f of findings) process.stdout.write(`${JSON.stringify({ ...f, reviewed: !unreviewed.includes(f) })}\n`);
if (unreviewed.length > 0) {
  process.stderr.write(
    `electronegativity: ${unreviewed.length} finding(s) not reviewed; look at them, fix or add a reason to security/electronegativity-reviewed.json\n`,
  );
  process.exit(1);
}
process.stderr.write(`electronegativity: ${findings.length} finding(s), all reviewed\n`);
