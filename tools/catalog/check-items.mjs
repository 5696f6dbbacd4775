#!/usr/bin/env node
// Checks the demo catalogue (src/main/resources/data/catalog/demo-items.json) against the item shape and the
// publishing rules of tongban.catalog.PublishingGate, plus the coverage the demo needs.
//
//   node tools/catalog/check-items.mjs [path/to/demo-items.json]
//
// Prints every problem found and exits 1 if there is any; prints a summary and exits 0 otherwise.
// Node 20, no dependencies.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = resolve(process.argv[2] ?? resolve(here, '../../src/main/resources/data/catalog/demo-items.json'));

const DEPARTMENTS = {
	'XH-SCJG': '杭州市西湖区市场监督管理局',
	'XH-GA': '杭州市公安局西湖区分局',
	'XH-RLSB': '杭州市西湖区人力资源和社会保障局',
	'XH-WJ': '杭州市西湖区卫生健康局',
	'XH-MZ': '杭州市西湖区民政局',
	'XH-ZJ': '杭州市西湖区住房和城乡建设局',
	'XH-JY': '杭州市西湖区教育局',
	'XH-YB': '杭州市医疗保障局西湖分局',
	'XH-SW': '国家税务总局杭州市西湖区税务局',
	'XH-ZWFW': '杭州市西湖区政务服务中心',
	'XH-GHZY': '杭州市规划和自然资源局西湖分局',
	'XH-SF': '杭州市西湖区司法局',
};
const TYPES = { XK: '行政许可', GF: '行政给付', QR: '行政确认', CJ: '行政裁决', JL: '行政奖励', QT: '其他行政权力', GG: '公共服务' };
const THEMES = [
	'生育收养', '户籍办理', '教育', '就业创业', '社会保障', '医疗卫生', '婚姻登记', '住房', '退休养老', '身后事', '民政救助', '司法公证',
	'设立变更', '准营准办', '资质认证', '年检年审', '税费', '注销清算', '工程建设',
];
const SERVED = ['CITIZEN', 'LEGAL_PERSON'];
const FORMS = ['ONLINE', 'WINDOW', 'POST'];
const LEVELS = ['COUNTY', 'CITY', 'PROVINCE'];
const SCOPES = ['全区通办', '全市通办', '全省通办', '跨省通办'];
const UNITS = ['WORKING_DAY', 'NATURAL_DAY'];
const RESULT_TYPES = ['CERTIFICATE', 'DOCUMENT', 'CONCLUSION'];
const MATERIAL_FORMS = ['PAPER', 'ELECTRONIC', 'BOTH'];
const NECESSITIES = ['REQUIRED', 'OPTIONAL', 'DEFERRABLE'];
const SOURCES = ['APPLICANT', 'GOVERNMENT', 'OTHER'];
const LICENSING_STEPS = ['受理', '审核', '审批', '办结', '送达'];

const ITEM_KEYS = ['code', 'baseCode', 'mainItem', 'subItem', 'name', 'aliases', 'keywords', 'type', 'department',
	'servedParty', 'themes', 'exerciseLevel', 'legalBasis', 'conditions', 'steps', 'specialProcedures', 'statutoryLimit',
	'promisedLimit', 'limitUnit', 'immediate', 'handlingForms', 'requiredVisits', 'visitReason', 'onlineDepth', 'inHall',
	'appointment', 'delivery', 'onlinePayment', 'selfService', 'scope', 'address', 'hours', 'consultPhone',
	'complaintPhone', 'resultType', 'resultName', 'fees', 'faq', 'materials'];
const MATERIAL_KEYS = ['name', 'form', 'necessity', 'copies', 'size', 'source', 'sourceNote', 'licenceType', 'standard',
	'legalBasis'];

const MIN_ITEMS = 62;
const MIN_DEPARTMENTS = 10;
const MIN_PER_TYPE = 2;

const problems = [];
const report = (where, message) => problems.push(`${where}: ${message}`);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v) => typeof v === 'string';
const filled = (v) => isString(v) && v.trim() !== '';
const isInt = (v) => Number.isInteger(v);

let data;
try {
	data = JSON.parse(readFileSync(file, 'utf8'));
}
catch (e) {
	console.error(`${file}: cannot read as JSON: ${e.message}`);
	process.exit(1);
}

if (!isObject(data)) {
	report('file', 'top level must be an object {"source", "items"}');
}
else {
	for (const key of Object.keys(data)) {
		if (!['source', 'items'].includes(key)) report('file', `unknown top-level field "${key}"`);
	}
	if (!filled(data.source)) report('file', '"source" must be a non-empty paragraph');
	if (!Array.isArray(data.items)) report('file', '"items" must be an array');
}
const items = Array.isArray(data?.items) ? data.items : [];

function checkKeys(where, obj, keys) {
	for (const key of keys) {
		if (!(key in obj)) report(where, `missing field "${key}"`);
	}
	for (const key of Object.keys(obj)) {
		if (!keys.includes(key)) report(where, `unknown field "${key}"`);
	}
}

function checkString(where, obj, key, { empty = false } = {}) {
	if (!isString(obj[key])) report(where, `"${key}" must be a string`);
	else if (!empty && obj[key].trim() === '') report(where, `"${key}" must not be empty`);
}

function checkBoolean(where, obj, key) {
	if (typeof obj[key] !== 'boolean') report(where, `"${key}" must be true or false`);
}

function checkEnum(where, obj, key, allowed) {
	if (!allowed.includes(obj[key])) report(where, `"${key}" is ${JSON.stringify(obj[key])}, expected one of ${allowed.join(' ')}`);
}

function checkStringList(where, obj, key, { min = 1, max = Infinity, allowed = null } = {}) {
	const list = obj[key];
	if (!Array.isArray(list)) {
		report(where, `"${key}" must be an array`);
		return;
	}
	if (list.length < min || list.length > max) {
		report(where, `"${key}" has ${list.length} entries, expected ${max === Infinity ? `at least ${min}` : `${min}–${max}`}`);
	}
	list.forEach((v, i) => {
		if (!filled(v)) report(where, `"${key}[${i}]" must be a non-empty string`);
		else if (allowed && !allowed.includes(v)) report(where, `"${key}[${i}]" is "${v}", expected one of ${allowed.join(' ')}`);
	});
	if (new Set(list).size !== list.length) report(where, `"${key}" has duplicate entries`);
}

function checkMaterial(where, mat) {
	if (!isObject(mat)) {
		report(where, 'must be an object');
		return;
	}
	checkKeys(where, mat, MATERIAL_KEYS);
	checkString(where, mat, 'name');
	checkEnum(where, mat, 'form', MATERIAL_FORMS);
	checkEnum(where, mat, 'necessity', NECESSITIES);
	if (!isInt(mat.copies) || mat.copies < 0) report(where, '"copies" must be an integer ≥ 0');
	for (const key of ['size', 'sourceNote', 'standard', 'legalBasis']) checkString(where, mat, key, { empty: true });
	checkEnum(where, mat, 'source', SOURCES);
	if (mat.source === 'GOVERNMENT') {
		if (!filled(mat.licenceType)) report(where, '"licenceType" is required when source is GOVERNMENT');
	}
	else if (mat.licenceType !== null) {
		report(where, '"licenceType" must be null unless source is GOVERNMENT');
	}
}

const codes = new Map();
items.forEach((it, index) => {
	const where = `items[${index}]${isObject(it) && isString(it.code) ? ` ${it.code}` : ''}`;
	if (!isObject(it)) {
		report(where, 'must be an object');
		return;
	}
	checkKeys(where, it, ITEM_KEYS);

	// Field types.
	for (const key of ['code', 'baseCode', 'mainItem', 'subItem', 'name', 'legalBasis', 'conditions', 'address', 'hours',
		'consultPhone', 'complaintPhone', 'resultName']) {
		checkString(where, it, key);
	}
	checkString(where, it, 'specialProcedures', { empty: true });
	checkStringList(where, it, 'aliases', { min: 2, max: 4 });
	checkStringList(where, it, 'keywords', { min: 2, max: 6 });
	checkStringList(where, it, 'servedParty', { allowed: SERVED });
	checkStringList(where, it, 'themes', { allowed: THEMES });
	checkStringList(where, it, 'steps');
	checkStringList(where, it, 'handlingForms', { allowed: FORMS });
	checkEnum(where, it, 'type', Object.keys(TYPES));
	checkEnum(where, it, 'department', Object.keys(DEPARTMENTS));
	checkEnum(where, it, 'exerciseLevel', LEVELS);
	checkEnum(where, it, 'limitUnit', UNITS);
	checkEnum(where, it, 'scope', SCOPES);
	checkEnum(where, it, 'resultType', RESULT_TYPES);
	for (const key of ['statutoryLimit', 'promisedLimit', 'requiredVisits']) {
		if (!isInt(it[key]) || it[key] < 0) report(where, `"${key}" must be an integer ≥ 0`);
	}
	if (!isInt(it.onlineDepth) || it.onlineDepth < 1 || it.onlineDepth > 4) report(where, '"onlineDepth" must be an integer 1–4');
	for (const key of ['immediate', 'inHall', 'appointment', 'delivery', 'onlinePayment', 'selfService']) {
		checkBoolean(where, it, key);
	}
	if (it.visitReason !== null && !isString(it.visitReason)) report(where, '"visitReason" must be a string or null');

	// Code: 330106-<TYPE>-<4 digits>-<2 digits>, unique, type segment matching the type.
	if (isString(it.code)) {
		const match = /^330106-([A-Z]{2})-\d{4}-\d{2}$/.exec(it.code);
		if (!match) report(where, '"code" must look like 330106-<TYPE>-<4 digits>-<2 digits>');
		else if (match[1] !== it.type) report(where, `"code" type segment ${match[1]} differs from type ${it.type}`);
		if (codes.has(it.code)) report(where, `duplicate code, first used by items[${codes.get(it.code)}]`);
		else codes.set(it.code, index);
	}

	// Fees and FAQ shapes.
	const fees = Array.isArray(it.fees) ? it.fees : (report(where, '"fees" must be an array'), []);
	fees.forEach((fee, i) => {
		if (!isObject(fee)) return report(where, `"fees[${i}]" must be an object`);
		checkKeys(`${where} fees[${i}]`, fee, ['item', 'standard', 'basis']);
		if (!filled(fee.item)) report(where, `"fees[${i}].item" must be a non-empty string`);
	});
	const faq = Array.isArray(it.faq) ? it.faq : (report(where, '"faq" must be an array'), []);
	faq.forEach((qa, i) => {
		if (!isObject(qa)) return report(where, `"faq[${i}]" must be an object`);
		checkKeys(`${where} faq[${i}]`, qa, ['q', 'a']);
		if (!filled(qa.q) || !filled(qa.a)) report(where, `"faq[${i}]" needs a non-empty q and a`);
	});

	// Materials.
	if (!Array.isArray(it.materials)) report(where, '"materials" must be an array');
	else {
		if (it.materials.length < 2) report(where, `needs at least 2 materials, has ${it.materials.length}`);
		it.materials.forEach((mat, i) => checkMaterial(`${where} materials[${i}]`, mat));
	}

	// Publishing rules (tongban.catalog.PublishingGate).
	const forms = Array.isArray(it.handlingForms) ? it.handlingForms : [];
	// 1. 全程网办 means no visit.
	if (it.onlineDepth === 4 && it.requiredVisits > 0) report(where, 'rule 1: onlineDepth 4 requires requiredVisits 0');
	// 2. A required visit must be explained.
	if (it.requiredVisits > 0 && !filled(it.visitReason)) report(where, 'rule 2: requiredVisits > 0 requires a visitReason');
	// 3. Without a visit, the result must reach the applicant online or by post.
	if (it.requiredVisits === 0 && !forms.includes('ONLINE') && !forms.includes('POST')) {
		report(where, 'rule 3: requiredVisits 0 without ONLINE requires POST in handlingForms');
	}
	// 4. Every fee states its standard and its basis.
	fees.forEach((fee, i) => {
		if (isObject(fee) && (!filled(fee.standard) || !filled(fee.basis))) {
			report(where, `rule 4: fees[${i}] needs a non-empty standard and basis`);
		}
	});
	// 5. A result named …证 is a certificate.
	if (isString(it.resultName) && it.resultName.trim().endsWith('证') && it.resultType !== 'CERTIFICATE') {
		report(where, `rule 5: resultName "${it.resultName}" ends in 证, so resultType must be CERTIFICATE`);
	}
	// 6. Licensing items list the five licensing steps and answer at least one question.
	if (it.type === 'XK') {
		const steps = Array.isArray(it.steps) ? it.steps : [];
		const missing = LICENSING_STEPS.filter((s) => !steps.includes(s));
		if (missing.length) report(where, `rule 6: XK steps lack ${missing.join('、')}`);
		if (faq.length === 0) report(where, 'rule 6: XK items need at least one FAQ entry');
	}
	// 7. Consultation and complaint go to different numbers.
	if (isString(it.consultPhone) && isString(it.complaintPhone) && it.consultPhone.trim() === it.complaintPhone.trim()) {
		report(where, 'rule 7: consultPhone must differ from complaintPhone');
	}
	// 8. The promise never exceeds the law.
	if (isInt(it.promisedLimit) && isInt(it.statutoryLimit) && it.promisedLimit > it.statutoryLimit) {
		report(where, `rule 8: promisedLimit ${it.promisedLimit} exceeds statutoryLimit ${it.statutoryLimit}`);
	}
	// 即办件 are promised on the spot.
	if (it.immediate === true && it.promisedLimit !== 0) report(where, 'immediate items must have promisedLimit 0');
});

// Coverage.
const count = (key) => {
	const counts = new Map();
	for (const it of items) {
		if (isObject(it)) counts.set(it[key], (counts.get(it[key]) ?? 0) + 1);
	}
	return counts;
};
const byDepartment = count('department');
const byType = count('type');
if (items.length < MIN_ITEMS) report('catalogue', `has ${items.length} items, needs at least ${MIN_ITEMS}`);
const departments = [...byDepartment.keys()].filter((d) => d in DEPARTMENTS);
if (departments.length < MIN_DEPARTMENTS) {
	report('catalogue', `covers ${departments.length} departments, needs at least ${MIN_DEPARTMENTS}`);
}
for (const type of Object.keys(TYPES)) {
	const n = byType.get(type) ?? 0;
	if (n < MIN_PER_TYPE) report('catalogue', `type ${type} (${TYPES[type]}) has ${n} items, needs at least ${MIN_PER_TYPE}`);
}

console.log(`${file}`);
console.log(`${items.length} items, ${departments.length} departments`);
console.log('by department: ' + Object.keys(DEPARTMENTS).map((d) => `${d} ${byDepartment.get(d) ?? 0}`).join(', '));
console.log('by type: ' + Object.keys(TYPES).map((t) => `${t} ${byType.get(t) ?? 0}`).join(', '));
if (problems.length) {
	console.log(`\n${problems.length} problem(s):`);
	for (const p of problems) console.log('  ' + p);
	process.exit(1);
}
console.log('\nall checks passed');
