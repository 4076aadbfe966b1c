// ClaimDeck's service worker: keeps the whole app in a cache so it starts
// with no network. A new build has a new cache name (its hash, filled in
// at build time); the old cache is dropped once the new one is complete.
const CACHE = 'claimdeck-@CACHE_VERSION@';
const FILES = [
  './', 'index.html', 'app.js', 'app.wasm', 'app.data', 'manifest.webmanifest',
  'icons/claimdeck-64.png', 'icons/claimdeck-256.png', 'icons/claimdeck.svg',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, {cache: 'reload'}))))
      .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('claimdeck-') && name !== CACHE)
                                        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

// The app's own files come from the cache first (they change only with a
// new build, which brings a new worker); anything else goes to the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, {ignoreSearch: true}).then((hit) => {
        if (hit) return hit;
        if (request.mode === 'navigate') {
          return cache.match('index.html').then((page) => page || fetch(request));
        }
        return fetch(request);
      })));
});
