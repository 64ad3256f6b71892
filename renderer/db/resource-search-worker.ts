/// <reference lib="webworker" />
/** 一键检索's own thread: see resource-search-session.ts. */
import { createSearchSession, type SearchCommand, type SearchReport } from './resource-search-session';

declare const self: DedicatedWorkerGlobalScope;

const session = createSearchSession((report: SearchReport) => self.postMessage(report));

self.onmessage = (event: MessageEvent<SearchCommand>) => session.handle(event.data);
