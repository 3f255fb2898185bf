// Starts the portal, and says so plainly when it cannot: this replaces Trunk's inline loader (Trunk.toml's
// pattern_script), as a file because the Content-Security-Policy allows no inline script. It lives in the build's
// app-<hash>/ folder beside the app's glue and module, which it finds by relative paths.
//
// - The app's code cannot be fetched or started (offline, a server error, an HTML page or truncated bytes where the
//   code should be): a message that says so, with "Reload".
// - The app traps once it runs (a Rust panic aborts: WebAssembly reports a RuntimeError to the page): a message that
//   the portal stopped, with "Reload"; the rest of the page goes inert, so no click is silently lost, and the main
//   menu's links load their page afresh.
// - A start that takes long: index.html's "taking longer than usual" appears by CSS alone (style/base.css), so it
//   shows even when this file cannot load.
// The texts are in the portal's three languages (locales/): the one chosen in this browser, else the browser's.

const texts = {
  en: {
    loading: 'Loading your privacy portal…',
    slow: 'This is taking longer than usual.',
    reload: 'Reload the page',
    failed: 'The portal could not be loaded. Check your internet connection, then reload the page. Nothing you saved is lost.',
    stopped: 'Something went wrong and the portal stopped working. Reload the page to carry on. Nothing you saved is lost.',
  },
  hi: {
    loading: 'आपका निजता पोर्टल लोड हो रहा है…',
    slow: 'इसमें सामान्य से अधिक समय लग रहा है।',
    reload: 'पृष्ठ फिर से लोड करें',
    failed: 'पोर्टल लोड नहीं हो सका। अपना इंटरनेट कनेक्शन जाँचें, फिर पृष्ठ फिर से लोड करें। आपने जो सहेजा है, वह सुरक्षित है।',
    stopped: 'कुछ गड़बड़ हो गई और पोर्टल ने काम करना बंद कर दिया। आगे बढ़ने के लिए पृष्ठ फिर से लोड करें। आपने जो सहेजा है, वह सुरक्षित है।',
  },
  de: {
    loading: 'Ihr Datenschutzportal wird geladen…',
    slow: 'Das dauert länger als üblich.',
    reload: 'Seite neu laden',
    failed: 'Das Portal konnte nicht geladen werden. Prüfen Sie Ihre Internetverbindung und laden Sie die Seite dann neu. Nichts, was Sie gespeichert haben, geht verloren.',
    stopped: 'Etwas ist schiefgelaufen, und das Portal funktioniert nicht mehr. Laden Sie die Seite neu, um fortzufahren. Nichts, was Sie gespeichert haben, geht verloren.',
  },
};

/** The portal's language: the page's once the app has drawn it (the app sets `lang`), else the one chosen in this
 * browser, else the browser's. */
function language() {
  let chosen = null;
  try {
    // The key src/api/browser.rs keeps the chosen language under.
    chosen = localStorage.getItem('icanopus-privacy-portal/language');
  } catch {
    // Storage disabled: the browser's languages decide.
  }
  const drawn = document.querySelector('.site-header') !== null;
  const tags = [drawn ? document.documentElement.lang : null, chosen, ...navigator.languages];
  for (const tag of tags) {
    const primary = (tag ?? '').split(/[-_]/)[0].toLowerCase();
    if (Object.hasOwn(texts, primary)) return primary;
  }
  return 'en';
}

const text = (key) => texts[language()][key];
for (const element of document.querySelectorAll('[data-boot-text]')) element.textContent = text(element.dataset.bootText);

let problem = null;
// Whether the app's module has started: a trap before is a start that failed, after it a portal that stopped.
let started = false;

/** Shows `key`'s message with "Reload" at the top of the page, once; the first message stays. */
function show(key) {
  if (problem) return;
  problem = key;
  const panel = document.getElementById('portal-problem');
  const message = document.createElement('p');
  message.className = 'portal-problem__message';
  message.textContent = text(key);
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button--primary';
  reload.textContent = text('reload');
  reload.addEventListener('click', () => location.reload());
  panel.replaceChildren(message, reload);
  panel.hidden = false;
  // Nothing the app drew answers any more: it goes inert, but for the main menu, whose links then load their page
  // the browser's own way (the app's router would have answered them).
  for (const element of document.body.children) {
    if (element !== panel && !element.matches('header')) element.inert = true;
  }
  // After the event being handled, which may be a focus change of its own.
  setTimeout(() => reload.focus());
}

function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError;
}

addEventListener('error', (event) => {
  if (isTrap(event.error)) show(started ? 'stopped' : 'failed');
});
addEventListener('unhandledrejection', (event) => {
  if (isTrap(event.reason)) show(started ? 'stopped' : 'failed');
});
// Once the portal stopped, a click on a link loads its page afresh and any other click brings focus to "Reload":
// nothing is passed to the app, so nothing seems to work and then does nothing.
addEventListener(
  'click',
  (event) => {
    if (!problem || event.target.closest('#portal-problem')) return;
    event.stopImmediatePropagation();
    if (event.target.closest('a[href]')) return;
    event.preventDefault();
    document.querySelector('#portal-problem button')?.focus();
  },
  true,
);

try {
  const { default: init } = await import('./privacy-portal.js');
  const starting = init({ module_or_path: new URL('./privacy-portal_bg.wasm', import.meta.url) });
  // The browser's first date and number formats are slow (it loads its locale data): made in a task of their own
  // while the module arrives and compiles off this thread, so that the first page does not wait for them.
  setTimeout(() => {
    new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(0);
    new Intl.NumberFormat().format(0);
  });
  await starting;
  started = true;
} catch (error) {
  console.error(error);
  show('failed');
}
