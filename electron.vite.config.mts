import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import rendererConfig from './vite.renderer.config.mts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(import.meta.dirname, 'electron/main/index.ts') },
    },
    resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts') },
    },
    resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
