// The sign-in page: sends the name and password as JSON (never a form post, which any site could
// send), then goes to the page. The server sets the session cookie (HttpOnly) and the CSRF cookie.
'use strict';
(function () {
  let lang = navigator.language && navigator.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
  let words = {};
  const $ = (id) => document.getElementById(id);

  async function loadWords() {
    const r = await fetch('/api/messages?lang=' + lang);
    if (r.ok) words = (await r.json()).messages || {};
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach((el) => {
      const w = words[el.dataset.i18n];
      if (w) el.textContent = w;
    });
  }

  async function signIn(event) {
    event.preventDefault();
    $('message').textContent = '';
    const r = await fetch('/api/session?lang=' + lang, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: $('name').value, password: $('password').value }),
      credentials: 'same-origin',
    });
    if (r.ok) {
      location.href = '/';
      return;
    }
    let message = words['web.login.failed'] || '';
    try {
      const e = await r.json();
      if (e.error === 'local_mode') message = words['web.login.local'] || e.message;
      else if (e.error !== 'sign_in_failed' && e.message) message = e.message;
    } catch (ignored) {
      // not JSON: keep the page's own words
    }
    $('message').textContent = message;
  }

  /** Says up front when signing in cannot work here (no accounts, or the local mode), and leaves when already signed in. */
  async function explainMode() {
    const r = await fetch('/api/schemes');
    if (!r.ok) return;
    const signIn = ((await r.json()).service || {}).sign_in || {};
    if (signIn.signed_in && signIn.mode === 'accounts') {
      location.href = '/';
      return;
    }
    if (signIn.mode === 'closed') $('message').textContent = words['web.login.closed'] || '';
    else if (signIn.mode === 'local') $('message').textContent = words['web.login.local'] || '';
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await loadWords();
    explainMode();
    $('login').addEventListener('submit', signIn);
    $('lang-toggle').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      loadWords();
    });
  });
})();
