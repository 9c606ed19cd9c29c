// Vue 3 + Vite: the Vue compiler is told that <compliance-matrix> is a custom element.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'compliance-matrix' } } })],
  build: { outDir: new URL('../dist/vue', import.meta.url).pathname, emptyOutDir: true },
});
