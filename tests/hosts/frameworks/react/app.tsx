// React 19 + TypeScript (tsc --strict): <compliance-matrix> in JSX with its attributes, a ref, the
// `oncm-change` prop (React 19 adds it as a cm-change listener) and `.data` set through the ref.
// No declaration of its own: the JSX types come from compliance-matrix/react.
import 'compliance-matrix';
import type {} from 'compliance-matrix/react';
import type { CmChangeEvent, ComplianceMatrixElement, Dataset } from 'compliance-matrix';
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const TWO: Dataset = {
  as_of: '2026-01-01',
  source: { title: 'Host test', url: 'https://example.org/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }, { id: 'eks', name: 'Amazon EKS' }],
  programs: [
    { id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope', eks: 'not-in-scope' } },
    { id: 'beta', name: 'Beta', status: { ecs: 'in-progress' } },
  ],
};

function App() {
  const ref = useRef<ComplianceMatrixElement>(null);
  const [last, setLast] = useState('none');
  const onChange = (event: CmChangeEvent) => setLast(`${event.detail.visible.length} visible, services ${event.detail.services.join(',')}`);
  const useTwo = () => {
    if (ref.current) ref.current.data = TWO;
  };
  return (
    <>
      <compliance-matrix id="main" services="ecs,eks" gaps={false} theme="light" ref={ref} oncm-change={onChange} />
      <button id="two" type="button" onClick={useTwo}>Two programs</button>
      <output id="last">{last}</output>
    </>
  );
}

// Compile-time checks only (never rendered): the JSX types reject wrong uses.
export function Wrong() {
  return (
    <>
      {/* @ts-expect-error gaps is a boolean */}
      <compliance-matrix gaps="yes" />
      {/* @ts-expect-error the cm-error detail has no visible */}
      <compliance-matrix oncm-error={(e) => e.detail.visible} />
      {/* @ts-expect-error unknown attribute */}
      <compliance-matrix colour="red" />
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<App />);
