// Writes src/main/resources/data/calendar/<year>.csv (date,kind,name) for each year the chinese-days package has.
// kind: HOLIDAY (statutory holiday or the weekend days of a holiday block) or WORKDAY (调休 make-up working day).
// Usage: npm ci && node extract.mjs [firstYear]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pkg = require('chinese-days/package.json');
const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));
const first = Number(process.argv[2] ?? 2025);
const years = new Map();
const add = (date, kind, label) => {
  const year = Number(date.slice(0, 4));
  if (year < first) return;
  const name = label.split(',')[1] ?? label;
  if (!years.has(year)) years.set(year, []);
  years.get(year).push(`${date},${kind},${name}`);
};
for (const [d, v] of Object.entries(data.holidays)) add(d, 'HOLIDAY', v);
for (const [d, v] of Object.entries(data.workdays)) add(d, 'WORKDAY', v);
for (const [year, rows] of years) {
  rows.sort();
  const header = `# ${year}: holidays and make-up working days (调休). Source: npm chinese-days ${pkg.version} (MIT), `
    + `after 《国务院办公厅关于${year}年部分节假日安排的通知》. Regenerate with tools/calendar/extract.mjs.`;
  writeFileSync(new URL(`../../src/main/resources/data/calendar/${year}.csv`, import.meta.url),
    [header, 'date,kind,name', ...rows].join('\n') + '\n');
  console.log(year, rows.length);
}
