import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandoutPool } from './src/main/handouts/handout-pool';
import { handoutInput } from './tests/support/handout-input';
process.env.CLINICDESK_RESOURCES = resolve('resources');
const L = ['ar', 'th', 'zh-Hans'] as const;
const inputs = L.map((l) => handoutInput(l, ['pico-laser']));
for (const url of [pathToFileURL(resolve('out/main/handout-worker.js')), undefined]) {
  const t0 = performance.now();
  const pool = createHandoutPool(2, url);
  await Promise.all(Array.from({ length: 100 }, (_, i) => pool.make(inputs[i % 3]!, { kind: 'aftercare', language: L[i % 3]!, bilingual: true })));
  console.log(url ? 'built' : 'tsx', ((performance.now() - t0) / 1000).toFixed(2));
  await pool.close();
}
