import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { detectPlatform } from './platform/desktop';
import './app/app.css';

// Start-up phases, read by `npm run bench` to say where the time goes.
performance.mark('app-scripts-evaluated');
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App platform={detectPlatform()} />
  </StrictMode>,
);
