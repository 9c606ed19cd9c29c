// Runs before the module defines <compliance-matrix>, as a framework may: the properties land on
// the not-yet-upgraded element and must still take effect once it is defined.
const el = document.getElementById('early');
el.data = {
  as_of: '2024-01-01',
  source: { title: 'test', url: 'https://example.invalid/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [
    { id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } },
    { id: 'beta', name: 'Beta', status: { ecs: 'not-in-scope' } },
  ],
};
el.sort = 'program:desc';
// A detached element created and configured before the definition, appended later.
const late = document.createElement('compliance-matrix');
late.id = 'late';
late.query = 'soc';
document.body.append(late);
window.addEventListener('load', () => {
  const s = document.createElement('script');
  s.type = 'module';
  s.src = '/dist/compliance-matrix.js';
  document.head.append(s);
});
