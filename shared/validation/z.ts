/**
 * zod, configured once for the whole app. Under the renderer's strict CSP zod must not try `new Function`
 * (it would once, and the CSP would report it), so every module takes `z` from here, never from 'zod'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
