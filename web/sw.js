// Zhengjian service worker (offline in villages). dist/web only; never registered on file://.
// web/build.mjs fills in VERSION (a hash of the built files) and FILES (every file of the app), so each
// published build is a new worker with its own cache. Strategy: precache everything on install; answer
// from the cache first (the app then opens with no network at all), the network only for what is not
// cached. A new version waits (no skipWaiting on install) until the page's update prompt says the user
// accepted (message {type: 'SKIP_WAITING'}), so a reload never happens under someone's hands.
'use strict';
const VERSION = '__ZJ_VERSION__';
const FILES = __ZJ_FILES__;
const CACHE = 'zhengjian-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const k of await caches.keys()) if (k.startsWith('zhengjian-') && k !== CACHE) await caches.delete(k);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages (any ?screen=... or ?test=...) are the one index.html.
    const hit = req.mode === 'navigate' ? await cache.match('./', { ignoreSearch: true }) || await cache.match('index.html')
                                        : await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    return fetch(req);
  })());
});
