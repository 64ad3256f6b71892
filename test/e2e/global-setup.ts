import type { TestProject } from 'vitest/node';
import { buildRenderer, serveRenderer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One production build and one server for every end-to-end file. */
export default async function setup(project: TestProject) {
  await buildRenderer();
  const server = await serveRenderer();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
