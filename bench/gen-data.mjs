// Generates the synthetic benchmark dataset in the widget's JSON schema (docs/data-format.md,
// www/compliance-matrix.d.ts): by default 2,000 programs × 40 services, from a fixed-seed PRNG
// (mulberry32), so every run and every machine gets byte-identical data.
//
//   node bench/gen-data.mjs [--programs 2000] [--services 40] [--seed 20200421] [--out bench/data/synthetic-2000x40.json]
//
// Names are realistic ("ISO 27001 variant 17 (Region eu-west-3)", "FedRAMP High — Agency 412"),
// statuses mixed (in scope, not in scope, in progress with the source's label, unknown / left out).
// Row order is shuffled, so "seed order" is neither sorted by name nor grouped by family.
// `writeCsv` (or `--csv`) writes the same dataset as a CSV table, as the widget's CSV export writes
// one (names and statuses only: a table has no aliases, tags or notes).
//
//   node bench/gen-data.mjs --csv [--out bench/data/synthetic-2000x40.csv]
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20200421;

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 40 AWS services that run, build or host containers (ids are the widget's slugs).
const SERVICES = [
  ['ecs', 'Amazon ECS'], ['eks', 'Amazon EKS'], ['fargate', 'ECS Fargate'], ['ecr', 'Amazon ECR'],
  ['eks-fargate', 'EKS on Fargate'], ['ecs-anywhere', 'ECS Anywhere'], ['eks-anywhere', 'EKS Anywhere'],
  ['eks-distro', 'EKS Distro'], ['ecr-public', 'Amazon ECR Public'], ['app-runner', 'AWS App Runner'],
  ['batch', 'AWS Batch'], ['lambda-images', 'Lambda container images'], ['beanstalk', 'Elastic Beanstalk (Docker)'],
  ['lightsail-containers', 'Lightsail Containers'], ['app-mesh', 'AWS App Mesh'], ['cloud-map', 'AWS Cloud Map'],
  ['copilot', 'AWS Copilot'], ['proton', 'AWS Proton'], ['rosa', 'Red Hat OpenShift on AWS'],
  ['outposts-ecs', 'ECS on Outposts'], ['outposts-eks', 'EKS on Outposts'], ['wavelength', 'AWS Wavelength'],
  ['local-zones', 'AWS Local Zones'], ['snow-eks', 'EKS on Snowball'], ['sagemaker-containers', 'SageMaker containers'],
  ['codebuild', 'AWS CodeBuild'], ['codepipeline', 'AWS CodePipeline'], ['codedeploy-ecs', 'CodeDeploy for ECS'],
  ['inspector-ecr', 'Inspector (ECR scanning)'], ['guardduty-eks', 'GuardDuty EKS Protection'],
  ['guardduty-runtime', 'GuardDuty Runtime Monitoring'], ['security-hub', 'AWS Security Hub'],
  ['xray', 'AWS X-Ray'], ['cloudwatch-ci', 'CloudWatch Container Insights'], ['prometheus', 'Amazon Managed Prometheus'],
  ['grafana', 'Amazon Managed Grafana'], ['adot', 'AWS Distro for OpenTelemetry'], ['vpc-lattice', 'Amazon VPC Lattice'],
  ['elb', 'Elastic Load Balancing'], ['step-functions', 'AWS Step Functions'],
];

// Program families: base name, aliases (the word-start search also looks here), facet tags,
// name templates and a coverage bias (probability of "in scope").
const FAMILIES = [
  { base: 'PCI DSS Level 1', aliases: ['PCI DSS', 'PCI'], tags: ['jurisdiction:global', 'domain:payments'], bias: 0.8 },
  { base: 'HIPAA Eligible', aliases: ['HIPAA'], tags: ['jurisdiction:us', 'domain:health'], bias: 0.8 },
  { base: 'SOC 2 Type II', aliases: ['SOC 2', 'SOC2'], tags: ['jurisdiction:global', 'domain:security'], bias: 0.85 },
  { base: 'SOC 1 Type II', aliases: ['SOC 1', 'SOC1'], tags: ['jurisdiction:global', 'domain:finance'], bias: 0.85 },
  { base: 'ISO 27001', aliases: ['ISO/IEC 27001'], tags: ['jurisdiction:global', 'domain:security'], bias: 0.8 },
  { base: 'ISO 27017', aliases: ['ISO/IEC 27017'], tags: ['jurisdiction:global', 'domain:cloud'], bias: 0.75 },
  { base: 'ISO 27018', aliases: ['ISO/IEC 27018'], tags: ['jurisdiction:global', 'domain:privacy'], bias: 0.75 },
  { base: 'ISO 9001', aliases: ['ISO 9001:2015'], tags: ['jurisdiction:global', 'domain:quality'], bias: 0.8 },
  { base: 'FedRAMP Moderate', aliases: ['FedRAMP'], tags: ['jurisdiction:us', 'domain:government'], bias: 0.6 },
  { base: 'FedRAMP High', aliases: ['FedRAMP'], tags: ['jurisdiction:us', 'domain:government'], bias: 0.45, agency: true },
  { base: 'DoD SRG Impact Level 4', aliases: ['DoD SRG', 'DoD Cloud Computing SRG (FedRAMP+)'], tags: ['jurisdiction:us', 'domain:defense'], bias: 0.4, agency: true },
  { base: 'DoD SRG Impact Level 5', aliases: ['DoD SRG IL5', 'DoD Cloud Computing SRG (FedRAMP+)'], tags: ['jurisdiction:us', 'domain:defense'], bias: 0.35, agency: true },
  { base: 'CJIS', aliases: ['Criminal Justice Information Services'], tags: ['jurisdiction:us', 'domain:government'], bias: 0.5, agency: true },
  { base: 'IRAP Protected', aliases: ['IRAP', 'Information Security Registered Assessors Program'], tags: ['jurisdiction:au', 'domain:government'], bias: 0.55 },
  { base: 'C5 Type 2', aliases: ['BSI C5', 'Cloud Computing Compliance Criteria Catalogue'], tags: ['jurisdiction:de', 'domain:cloud'], bias: 0.65 },
  { base: 'ENS High', aliases: ['Esquema Nacional de Seguridad', 'ENS'], tags: ['jurisdiction:es', 'domain:government'], bias: 0.6 },
  { base: 'SecNumCloud', aliases: ['Qualification SecNumCloud (ANSSI)', 'Référentiel SecNumCloud'], tags: ['jurisdiction:fr', 'domain:cloud'], bias: 0.3 },
  { base: 'HDS Hébergeur de Données de Santé', aliases: ['HDS', 'Hébergement de données de santé'], tags: ['jurisdiction:fr', 'domain:health'], bias: 0.55 },
  { base: 'K-ISMS', aliases: ['Korea Information Security Management System', 'ISMS-P'], tags: ['jurisdiction:kr', 'domain:security'], bias: 0.6 },
  { base: 'MTCS Tier 3', aliases: ['Multi-Tier Cloud Security', 'MTCS SS 584'], tags: ['jurisdiction:sg', 'domain:cloud'], bias: 0.65 },
  { base: 'OSPAR', aliases: ["Outsourced Service Provider's Audit Report"], tags: ['jurisdiction:sg', 'domain:finance'], bias: 0.6 },
  { base: 'ISMAP', aliases: ['Information system Security Management and Assessment Program'], tags: ['jurisdiction:jp', 'domain:government'], bias: 0.55 },
  { base: 'HITRUST CSF', aliases: ['HITRUST'], tags: ['jurisdiction:us', 'domain:health'], bias: 0.7 },
  { base: 'NIST 800-171', aliases: ['NIST SP 800-171', 'CUI'], tags: ['jurisdiction:us', 'domain:defense'], bias: 0.5 },
  { base: 'CSA STAR Level 2', aliases: ['CSA STAR', 'Cloud Security Alliance'], tags: ['jurisdiction:global', 'domain:cloud'], bias: 0.7 },
  { base: 'TISAX', aliases: ['Trusted Information Security Assessment Exchange'], tags: ['jurisdiction:de', 'domain:automotive'], bias: 0.5 },
  { base: 'Pinakes', aliases: ['Spanish banking cloud questionnaire'], tags: ['jurisdiction:es', 'domain:finance'], bias: 0.5 },
  { base: 'GxP', aliases: ['GxP qualification', 'Good Practice'], tags: ['jurisdiction:global', 'domain:health'], bias: 0.6 },
  { base: 'Cyber Essentials Plus', aliases: ['Cyber Essentials'], tags: ['jurisdiction:uk', 'domain:security'], bias: 0.7 },
  { base: 'GSMA SAS-SM', aliases: ['GSMA Security Accreditation Scheme'], tags: ['jurisdiction:global', 'domain:telecom'], bias: 0.4 },
  { base: 'Prüfstandard IDW PS 951', aliases: ['IDW PS 951'], tags: ['jurisdiction:de', 'domain:finance'], bias: 0.5 },
];

// One-off programs: with a unique first word each, so the ascending and descending first rows
// are the same under every common string order (byte order, case-folded byte order and
// `localeCompare`), whatever sort comparator a contender uses.
const SINGLES = [
  { name: 'ABS Outsourcing Guidelines', aliases: ['Association of Banks in Singapore'], tags: ['jurisdiction:sg', 'domain:finance'], bias: 0.6 },
  { name: 'Zero Trust Maturity Model (CISA)', aliases: ['ZTMM'], tags: ['jurisdiction:us', 'domain:security'], bias: 0.3 },
];

const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'us-gov-west-1', 'us-gov-east-1', 'ca-central-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2', 'ap-east-1', 'sa-east-1', 'me-south-1', 'me-central-1', 'af-south-1', 'il-central-1',
];
const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024'];
const IN_PROGRESS_LABELS = ['3PAO Assessment', 'JAB Review', 'Undergoing assessment', 'Agency ATO in progress', 'Planned', 'Audit scheduled'];
const NOTES = ['Scope limited to the listed Regions.', 'Attestation renewed yearly.', 'Bridge letter available on request.'];

function slugify(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);
}

/**
 * The dataset object (our JSON schema).
 * @param {{programs?: number, services?: number, seed?: number}} [opts]
 */
export function generate({ programs = 2000, services = 40, seed = DEFAULT_SEED } = {}) {
  if (services > SERVICES.length) throw new Error(`at most ${SERVICES.length} services`);
  const rnd = mulberry32(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const svc = SERVICES.slice(0, services).map(([id, name]) => ({ id, name }));

  const names = new Set();
  const list = [];
  const add = (p) => {
    names.add(p.name);
    list.push(p);
  };
  for (const s of SINGLES) add({ ...s });
  let guard = 0;
  while (list.length < programs) {
    if (++guard > programs * 50) throw new Error('could not make enough unique names');
    const f = pick(FAMILIES);
    const r = rnd();
    let name;
    if (f.agency && r < 0.6) name = `${f.base} — Agency ${1 + Math.floor(rnd() * 999)}`;
    else if (r < 0.75) name = `${f.base} variant ${1 + Math.floor(rnd() * 99)} (Region ${pick(REGIONS)})`;
    else name = `${f.base}, ${pick(YEARS)} edition (Region ${pick(REGIONS)})`;
    if (names.has(name)) continue;
    add({ name, aliases: f.aliases, tags: f.tags, bias: f.bias });
  }
  // Fisher–Yates with the same PRNG: seed order is a fixed shuffle.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }

  const ids = new Set();
  const progs = list.map((p, i) => {
    let id = slugify(p.name) || `program-${i}`;
    while (ids.has(id)) id = `${id}-${i}`;
    ids.add(id);
    const status = {};
    for (const s of svc) {
      const x = rnd();
      const inScope = p.bias;
      if (x < inScope) status[s.id] = 'in-scope';
      else if (x < inScope + (1 - inScope) * 0.45) status[s.id] = 'not-in-scope';
      else if (x < inScope + (1 - inScope) * 0.75) status[s.id] = { status: 'in-progress', label: pick(IN_PROGRESS_LABELS) };
      else if (x < inScope + (1 - inScope) * 0.88) status[s.id] = 'unknown';
      // else: left out, which the schema reads as unknown
    }
    const out = { id, name: p.name, aliases: p.aliases, tags: p.tags, status };
    if (rnd() < 0.1) out.note = pick(NOTES);
    return out;
  });

  return {
    title: `Synthetic compliance matrix (${programs} programs × ${services} services, mulberry32 seed ${seed})`,
    as_of: '2024-06-30',
    source: {
      title: 'Generated by bench/gen-data.mjs (not real compliance data)',
      url: 'https://aws.amazon.com/compliance/services-in-scope/',
      note: `mulberry32 seed ${seed}`,
    },
    warning: 'Synthetic benchmark data: not real compliance status.',
    services: svc,
    programs: progs,
  };
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = resolve(here, 'data/synthetic-2000x40.json');

/** Writes the dataset file and returns its path. */
export function writeDataset(out = DEFAULT_OUT, opts = {}) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(generate(opts)) + '\n');
  return out;
}

export const DEFAULT_CSV_OUT = resolve(here, 'data/synthetic-2000x40.csv');

/** The text of an in-progress cell that has no label (the generator always gives one). */
export const IN_PROGRESS_NO_LABEL = 'Undergoing assessment';

// Cell texts the widget's CSV reader takes as a status (core/src/dataset/mod.rs Cell::from_text,
// compared lowercased and trimmed): a label must be none of them to read back as in progress.
const READER_WORDS = new Set([
  '', '1', 'yes', 'y', 'true', '✓', '✔', '✔️', '☑', 'x', '0', 'no', 'n', 'false', '✗', '✘', '❌', '-', '–', '—',
  'in-scope', 'in scope', 'in-progress', 'in progress', 'not-in-scope', 'not in scope', 'unknown', '?',
]);
// The widget's normalize_name (core/src/text.rs): letters and digits, lowercased.
const normalizeName = (s) => (s.match(/[\p{L}\p{N}]/gu) || []).join('').toLowerCase();

/** One CSV field (RFC 4180): quoted when it holds `,`, `"`, CR or LF, a `"` inside doubled. */
function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The dataset as a CSV table, as the widget's CSV export writes one: a header
 * `Compliance Program,<service name>,…`, one row per program in dataset order; cells `1` (in
 * scope), `0` (not in scope), the label (in progress; `IN_PROGRESS_NO_LABEL` if it has none),
 * empty (unknown or left out); CRLF line ends, one after the last row too. Throws if the widget's
 * CSV reader would read the table back as another matrix than the dataset's names and statuses:
 * a name or label the reader would change (outer white space; a leading `=`, `+`, `-`, `@`, tab,
 * CR or `'`, which the widget's export prefixes with `'`), a label that reads as a status, a
 * program name that is one of the embedded seed's programs (or an alias of one: the reader would
 * show the seed's name), names not unique.
 */
export function toCsv(ds) {
  const seed = JSON.parse(readFileSync(resolve(here, '../data/matrix.json'), 'utf8'));
  const known = new Set(seed.programs.flatMap((p) => [p.name, ...(p.aliases || [])]).map(normalizeName));
  const check = (s, what) => {
    if (s !== s.trim()) throw new Error(`${what} ${JSON.stringify(s)}: outer white space would be trimmed by the reader`);
    if (/^[=+\-@\t\r']/.test(s)) throw new Error(`${what} ${JSON.stringify(s)} starts with a character the widget's export would prefix with '`);
    return csvField(s);
  };
  const names = new Set();
  const lines = [['Compliance Program', ...ds.services.map((s) => check(s.name, 'service name'))].join(',')];
  for (const p of ds.programs) {
    if (names.has(p.name)) throw new Error(`program name ${JSON.stringify(p.name)} twice`);
    names.add(p.name);
    if (known.has(normalizeName(p.name))) throw new Error(`program name ${JSON.stringify(p.name)} is a program of the seed: the reader would show the seed's name`);
    const cells = [check(p.name, 'program name')];
    for (const s of ds.services) {
      const c = p.status[s.id];
      const st = c === undefined || c === null ? 'unknown' : typeof c === 'string' ? c : c.status;
      if (st === 'in-scope') cells.push('1');
      else if (st === 'not-in-scope') cells.push('0');
      else if (st === 'in-progress') {
        const label = (typeof c === 'object' && c.label) || IN_PROGRESS_NO_LABEL;
        if (READER_WORDS.has(label.trim().toLowerCase())) throw new Error(`label ${JSON.stringify(label)} reads back as a status`);
        cells.push(check(label, 'label'));
      } else if (st === 'unknown') cells.push('');
      else throw new Error(`${p.id}.${s.id}: unknown status ${JSON.stringify(st)}`);
    }
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Writes the dataset (the one `writeDataset` writes for the same options) as CSV; returns its path. */
export function writeCsv(out = DEFAULT_CSV_OUT, opts = {}) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, toCsv(generate(opts)));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (k, d) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : d;
  };
  const opts = { programs: Number(arg('--programs', 2000)), services: Number(arg('--services', 40)), seed: Number(arg('--seed', DEFAULT_SEED)) };
  const csv = args.includes('--csv');
  const out = (csv ? writeCsv : writeDataset)(resolve(arg('--out', csv ? DEFAULT_CSV_OUT : DEFAULT_OUT)), opts);
  console.log(`wrote ${out}`);
}
