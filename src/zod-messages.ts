import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Headroom validates with zod's small build (`zod/mini`): the full build attaches every method to
 * every schema and took ~10 ms of each start, for a handful of schemas (the config, rule options,
 * the App's settings). The small build carries no messages; importing this module gives it the
 * English ones the full build sets by itself, which the config's diagnostics quote.
 */
config(en());
