// Runs in: Node, preloaded into electronegativity by audit.mjs (`node --require`).
// electronegativity fetches translations with got 11, whose retry after a network error crashes the process
// ("onCancel handler was attached after the promise settled") when offline. One attempt and no retry avoids it;
// unless COCKPIT_EN_ONLINE=1 (audit.mjs --online) requests fail at once: the bundled en-US texts are used and no time
// is spent waiting on the network.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload has no other way to wrap a CommonJS module */
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const loaded = originalLoad.call(this, request, parent, isMain);
  if (request !== 'got' || typeof loaded !== 'function' || loaded.__noRetry) return loaded;
  const online = process.env.COCKPIT_EN_ONLINE === '1';
  const wrapped = (url, options = {}) => (online ? loaded(url, { ...options, retry: { limit: 0 } }) : Promise.reject(new Error(`offline audit: not fetching ${url}`)));
  wrapped.__noRetry = true;
  wrapped.default = wrapped;
  return wrapped;
};
