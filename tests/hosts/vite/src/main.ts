// Uses the package exactly as a TypeScript user would: the side-effect import registers the
// element, the types come from the package's compliance-matrix.d.ts.
import 'compliance-matrix';
import { mount, parseDataset, ready } from 'compliance-matrix';
import type { CmChangeEvent, CmErrorEvent, ComplianceMatrixElement, ComplianceMatrixState, Dataset, MountHandle } from 'compliance-matrix';

// HTMLElementTagNameMap makes this a ComplianceMatrixElement without a cast.
const el: ComplianceMatrixElement | null = document.querySelector('compliance-matrix');
if (!el) throw new Error('no <compliance-matrix> on the page');

const last = document.querySelector<HTMLOutputElement>('#last');

// ComplianceMatrixEventMap types the detail on the element.
el.addEventListener('cm-change', (event) => {
  const state: ComplianceMatrixState = event.detail;
  const visible: string[] = state.visible;
  if (last) last.value = `${visible.length} visible, query "${state.query}"`;
});
el.addEventListener('cm-error', (event: CmErrorEvent) => {
  console.warn('compliance-matrix:', event.detail.message);
});
// On another target (the events bubble and are composed) the event is a plain Event: cast it.
document.addEventListener('cm-change', (event) => {
  void (event as CmChangeEvent).detail.sort;
});

// Typed properties.
el.theme = 'light';
const gaps: boolean = el.gaps;
void gaps;

// mount() into a plain div, with typed options and handle.
const target = document.querySelector<HTMLDivElement>('#mounted');
if (!target) throw new Error('no #mounted');
const handle: MountHandle = mount(target, { services: 'ecs,fargate', query: 'iso', gaps: false });

await ready;
await el.ready;
handle.update({ sort: 'program:desc' });

const dataset: Dataset = parseDataset('| Compliance Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |', 'markdown');
const rows: number = dataset.programs.length;
const csv: string = el.exportCsv();

// Exposed for the e2e test.
declare global {
  interface Window {
    hostResult: { rows: number; csvLines: number; mountedState: ComplianceMatrixState | null };
  }
}
window.hostResult = { rows, csvLines: csv.trim().split('\n').length, mountedState: handle.state() };
document.body.dataset.hostReady = 'true';

// Compile-time checks only (never called): the types reject wrong uses, so they are not `any`.
function typeChecks(el: ComplianceMatrixElement, handle: MountHandle): void {
  // @ts-expect-error gaps is a boolean property
  el.gaps = 'yes';
  // @ts-expect-error state is read-only
  el.state = null;
  // @ts-expect-error unknown option
  handle.update({ colour: 'red' });
  // @ts-expect-error the detail of cm-error is {message}
  el.addEventListener('cm-error', (e) => e.detail.visible);
  // @ts-expect-error a dataset needs as_of, source, services and programs
  el.data = { programs: [] };
}
void typeChecks;
