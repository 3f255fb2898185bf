// The first page's documents, asked for while the app's code is still on its way.
//
// Without this, the app asks for its documents once its WebAssembly module has arrived and started (well after this
// script can), and their answers then come in between the steps of the first build. This small
// script (a file: the Content-Security-Policy allows no inline script) runs before the app and adds a
// `<link rel="preload" as="fetch">` for each document the app reads first at this address; the app's own reads
// (src/api/client.rs) are then answered by those: the overview's content comes sooner (docs/benchmarks.md); over a
// slow link no change, as the documents share the link with the wasm. It only warms: if it guessed
// wrong, the app reads what it needs as it would without it.
//
// In the designer preview, a link's `persona=` parameter shows another demo user: the preloads (the stored one's) then
// go unused and the browser says so in the console; the app reads what it needs.
//
// Kept in step with the app by specs/preload.spec.ts: at every page's address, the documents preloaded are exactly the
// ones the app reads on a first load, and each comes over the network once.
{
  // The runtime configuration (public/config.json, src/api/config.rs) says which backend answers: the mock, or the
  // API (HTTP mode). The app reads it before anything else; a preload answers that read. This script needs it too,
  // to know where the documents are: it asks for it separately (at an address of its own, `?preload`, so that it
  // neither uses up the app's preload nor is matched against it), and adds the documents' preloads once it knows.
  const preload = (href, crossOrigin) => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // The app's reads are `fetch` calls (mode cors): with the mock, same-origin credentials (`anonymous` matches
    // them); with the API, credentials included (`use-credentials`), as it may be on another origin.
    link.crossOrigin = crossOrigin;
    link.href = href;
    document.head.append(link);
  };
  preload('/config.json', 'anonymous');

  // The documents the shell (header, notices, cookie banner; an objection to marketing keeps marketing cookies off)
  // reads at every address...
  const shell = ['profile', 'cookies', 'notices', 'requests'];
  // ...and those each page reads, by its path (src/routes.rs): the path itself, else its first segment.
  const pages = new Map([
    ['', ['inventory', 'communications', 'activity', 'sharing']],
    ['data', ['inventory']],
    ['communications', ['communications']],
    ['requests', []],
    ['requests/export', []],
    ['requests/delete', []],
    ['requests/new', ['inventory']],
    ['activity', ['activity']],
    ['sharing', ['sharing', 'inventory']],
    ['profile', ['nominee']],
  ]);
  const path = location.pathname.replace(/^\/+|\/+$/g, '');
  const personal = [...shell, ...(pages.get(path) ?? pages.get(path.split('/')[0]) ?? [])];

  /** The preloads for the backend `config` names (src/api/client.rs, src/api/endpoint.rs). */
  const documents = (config) => {
    if (config.mode === 'http' && typeof config.apiBaseUrl === 'string') {
      // The API: every document at {apiBaseUrl}/{name}.json, the user's found by the session.
      const base = config.apiBaseUrl.replace(/\/+$/, '');
      for (const name of ['policy', ...personal]) preload(`${base}/${name}.json`, 'use-credentials');
      return;
    }
    // The mock: the company's documents at /api/{name}.json, the shown demo user's at /api/personas/{id}/{name}.json.
    // The demo user shown (src/api/demo.rs: the stored choice if it is a valid id, else the default one).
    let persona = 'asha';
    try {
      const stored = localStorage.getItem('icanopus-privacy-portal/persona');
      if (stored && /^[a-z0-9-]{1,32}$/.test(stored)) persona = stored;
    } catch {
      // Storage disabled: the app shows the default demo user too.
    }
    for (const name of ['policy', 'personas']) preload(`/api/${name}.json`, 'anonymous');
    for (const name of personal) preload(`/api/personas/${persona}/${name}.json`, 'anonymous');
  };

  // No configuration (404) means the mock, as in the app; any other failure leaves the app to read what it needs.
  fetch('/config.json?preload')
    .then((response) => (response.status === 404 ? {} : response.ok ? response.json() : null))
    .then((config) => config && documents(config))
    .catch(() => {});
}
