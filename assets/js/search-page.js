// The baked search page (/sok/): asks the server's /api/search first and, where no server
// answers (an ordinary static host), searches the static index in the browser (search.js).
// Renders the same markup as the server-rendered page. UI strings come from the page's
// data-msg-* attributes (templates/i18n), never from this file.
import { search as searchStatic } from './search.js';

const app = document.querySelector('[data-search-app]');
const form = document.querySelector('form.search-page-form');
const output = app.querySelector('[data-search-output]');
const none = app.querySelector('[data-search-none]');
const msg = app.dataset;
const params = new URLSearchParams(location.search);
const request = {
  q: (params.get('q') ?? '').trim(),
  type: params.get('type') ?? '',
  municipality: params.get('municipality') ?? '',
  offset: Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0),
  limit: 10,
};

function format(pattern, ...values) {
  return pattern.replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));
}

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach((child) => node.append(child));
  return node;
}

/** Snippets are escaped HTML with <mark> from the server's highlighter or search.js. */
function snippetNode(name, html, className) {
  const node = element(name, className ? { class: className } : {});
  node.innerHTML = html;
  return node;
}

function href(query, extra = {}) {
  const p = new URLSearchParams({ q: query });
  Object.entries(extra).forEach(([key, value]) => value && p.set(key, value));
  return '/sok/?' + p;
}

async function fromServer() {
  const p = new URLSearchParams({ q: request.q, limit: request.limit, offset: request.offset });
  if (request.type) p.set('type', request.type);
  if (request.municipality) p.set('municipality', request.municipality);
  try {
    const response = await fetch('/api/search?' + p, { headers: { Accept: 'application/json' } });
    const json = (response.headers.get('content-type') ?? '').includes('application/json');
    if (!json) {
      return null;
    }
    const body = await response.json();
    if (response.status === 400 && body.error) {
      throw Object.assign(new Error(body.error.message), { shown: true });
    }
    return response.ok ? body : null;
  } catch (error) {
    if (error.shown) {
      throw error;
    }
    return null;
  }
}

function filters(result) {
  form.querySelector('.filters')?.remove();
  const dimensions = [['type', msg.msgType, request.type], ['municipality', msg.msgMunicipality, request.municipality]];
  const box = element('div', { class: 'filters' });
  for (const [name, label, selected] of dimensions) {
    const values = result.facets?.[name] ?? [];
    if (values.length === 0) continue;
    const select = element('select', { class: 'ds-input', id: `filter-${name}`, name });
    select.append(element('option', { value: '' }, msg.msgAll));
    values.forEach((v) => {
      const option = element('option', { value: v.value }, `${v.label} (${v.count})`);
      option.selected = v.value === selected;
      select.append(option);
    });
    box.append(element('div', { class: 'filter' }, element('label', { class: 'ds-label', for: `filter-${name}` }, label), select));
  }
  if (box.childElementCount > 0) {
    box.append(element('button', { class: 'ds-button', 'data-variant': 'primary', type: 'submit' }, msg.msgApply));
    form.append(box);
  }
}

function render(result) {
  output.replaceChildren();
  filters(result);
  if (result.suggestion) {
    output.append(element('p', { class: 'suggestion' }, `${msg.msgDidyoumean} `,
      element('a', { href: href(result.suggestion) }, result.suggestion), '?'));
  }
  if (result.total === 0) {
    output.append(element('p', { role: 'status' }, format(msg.msgNone, request.q)));
    none.hidden = false;
    return;
  }
  const typeLabels = Object.fromEntries((result.facets?.type ?? []).map((v) => [v.value, v.label]));
  const status = format(msg.msgCount, result.total, request.q) + (result.partial ? ` ${msg.msgPartial}` : '');
  output.append(element('p', { role: 'status' }, status));
  const list = element('ol', { class: 'results', start: String(result.offset + 1) });
  for (const hit of result.hits) {
    const meta = (typeLabels[hit.type] ?? hit.type) + (hit.municipalities.length ? ` · ${hit.municipalities.join(', ')}` : '');
    const item = element('li', {}, element('h2', {}, element('a', { href: hit.url }, hit.title)), element('p', { class: 'meta' }, meta));
    if (hit.snippet) item.append(snippetNode('p', hit.snippet));
    if (hit.sections?.length) {
      const sections = element('ul', { class: 'sub-results', 'aria-label': format(msg.msgSections, hit.title) });
      hit.sections.forEach((s) => {
        const li = element('li', {}, element('a', { href: s.url }, s.title));
        if (s.snippet) li.append(element('br'), snippetNode('span', s.snippet, 'snippet'));
        sections.append(li);
      });
      item.append(sections);
    }
    list.append(item);
  }
  output.append(list);
  const pager = element('nav', { class: 'pager', 'aria-label': msg.msgTitle });
  const extra = { type: request.type, municipality: request.municipality };
  if (result.offset > 0) {
    pager.append(element('a', { rel: 'prev', href: href(request.q, { ...extra, offset: String(Math.max(0, result.offset - result.limit)) }) }, msg.msgPrevious));
  }
  if (result.offset + result.limit < result.total) {
    pager.append(element('a', { rel: 'next', href: href(request.q, { ...extra, offset: String(result.offset + result.limit) }) }, msg.msgNext));
  }
  output.append(pager);
}

async function run() {
  form.querySelector('#q').value = request.q;
  if (!request.q) {
    output.replaceChildren(element('p', {}, msg.msgEmpty));
    return;
  }
  document.title = `${msg.msgTitle}: ${request.q} – ${document.title.split(' – ').pop()}`;
  output.setAttribute('aria-busy', 'true');
  try {
    const result = (await fromServer()) ?? (await searchStatic(request.q, request));
    render(result);
  } catch (error) {
    output.replaceChildren(element('p', { class: 'ds-alert notice', 'data-color': 'danger', role: 'alert' },
      error.shown ? error.message : msg.msgUnavailable));
  } finally {
    output.removeAttribute('aria-busy');
  }
}

run();
