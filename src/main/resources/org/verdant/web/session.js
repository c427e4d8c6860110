// Signed-in pages: every same-origin write (POST, PUT, PATCH, DELETE) carries the session's CSRF
// token in X-CSRF-Token, read from the verdant_csrf cookie (double submit: a page elsewhere can
// neither read the cookie nor set the header). Without a sign-in the page goes to /login.html, and a
// request answered 401 later (a session ended) puts a note with the sign-in link on the page;
// signed in, the header shows who and a sign-out button. In the local single-user mode nothing changes.
'use strict';
(function () {
  const SAFE = ['GET', 'HEAD', 'OPTIONS'];
  const plainFetch = window.fetch.bind(window);

  function csrfToken() {
    const m = document.cookie.match(/(?:^|;\s*)verdant_csrf=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function sameOrigin(url) {
    try {
      return new URL(url, location.href).origin === location.origin;
    } catch (e) {
      return false;
    }
  }

  window.fetch = function (input, init) {
    const options = Object.assign({}, init || {});
    const method = (options.method || (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    const token = csrfToken();
    if (!SAFE.includes(method) && sameOrigin(url) && token) {
      const headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
      headers.set('X-CSRF-Token', token);
      options.headers = headers;
    }
    return plainFetch(input, options).then((r) => {
      // only a missing sign-in (not the local mode's shared write token, which the page asks for itself)
      if (r.status === 401 && sameOrigin(url)) {
        r.clone().json().then((e) => {
          if (e && e.error === 'unauthenticated') signInNeeded();
        }, () => {});
      }
      return r;
    });
  };

  /** A request answered 401 (a sign-in expired, or never made): say so where it happened, with the way to sign in. */
  async function signInNeeded() {
    if (document.getElementById('sign-in-needed')) return;
    const lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
    let words = {};
    const m = await plainFetch('/api/messages?lang=' + lang);
    if (m.ok) words = (await m.json()).messages || {};
    const note = document.createElement('p');
    note.id = 'sign-in-needed';
    note.setAttribute('role', 'alert');
    note.textContent = words['web.session.sign_in_needed'] || '需要登录才能继续：';
    const link = document.createElement('a');
    link.href = '/login.html';
    link.textContent = words['web.session.sign_in_link'] || '前往登录页';
    note.append(link);
    (document.querySelector('main') || document.body).prepend(note);
  }

  async function showWho() {
    const r = await plainFetch('/api/session', { credentials: 'same-origin' });
    if (r.status === 401) {
      location.href = '/login.html';
      return;
    }
    if (!r.ok) return;
    const who = await r.json();
    if (who.mode !== 'accounts') return;
    const lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
    let words = {};
    const m = await plainFetch('/api/messages?lang=' + lang);
    if (m.ok) words = (await m.json()).messages || {};
    const header = document.querySelector('header');
    if (!header) return;
    const span = document.createElement('span');
    span.className = 'muted';
    span.textContent = (words['web.session.signed_in'] || '{0}').replace('{0}', who.account);
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'secondary';
    out.textContent = words['web.session.sign_out'] || '退出登录';
    out.addEventListener('click', async () => {
      await window.fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
      location.href = '/login.html';
    });
    header.append(span, out);
  }

  document.addEventListener('DOMContentLoaded', showWho);
})();
