/** Builds the pattern page from the model; text goes through textContent, only the core's safe HTML through innerHTML. */
import type { FromPanel, PanelLink, PanelModel, PanelPatternRef, PanelPerson } from './panelMessages';

const STATUS_ICON: Record<string, string> = { proposed: 'lightbulb', adopted: 'pass', deprecated: 'warning', retired: 'archive' };

type Send = (message: FromPanel) => void;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function icon(name: string): HTMLElement {
  const node = el('span', `codicon codicon-${name}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function linkButton(label: string, onClick: () => void, detail?: string): HTMLElement {
  const item = el('li');
  const button = el('button', 'link', label);
  button.type = 'button';
  button.addEventListener('click', onClick);
  item.append(button);
  if (detail) item.append(el('span', 'muted', ` ${detail}`));
  return item;
}

function section(title: string, content: HTMLElement | string): HTMLElement {
  const box = el('section', 'side');
  box.append(el('h2', undefined, title));
  box.append(typeof content === 'string' ? el('p', 'muted', content) : content);
  return box;
}

function people(list: PanelPerson[] | undefined, pending: string, empty: string): HTMLElement | string {
  if (list === undefined) return pending;
  if (list.length === 0) return empty;
  const ul = el('ul');
  for (const person of list) {
    const item = el('li');
    item.append(el('strong', undefined, person.label));
    if (person.detail) item.append(el('span', 'muted', ` ${person.detail}`));
    ul.append(item);
  }
  return ul;
}

function links(list: PanelLink[], onClick: (index: number) => void): HTMLElement {
  const ul = el('ul');
  for (const link of list) ul.append(linkButton(link.label, () => onClick(link.index), link.detail));
  return ul;
}

function patternRefs(list: PanelPatternRef[], send: Send): HTMLElement {
  const ul = el('ul');
  for (const ref of list) ul.append(linkButton(ref.title, () => send({ type: 'openPattern', id: ref.id }), ref.status ? `(${ref.status})` : '(unknown id)'));
  return ul;
}

function header(model: PanelModel, send: Send): HTMLElement {
  const head = el('header');
  head.append(el('h1', undefined, model.title));
  const meta = el('p', 'meta');
  const status = el('span', `status status-${model.status}`);
  status.append(icon(STATUS_ICON[model.status] ?? 'circle'), document.createTextNode(` ${model.status}`));
  meta.append(status, el('span', 'muted', ` · ${model.community} · `), el('code', undefined, model.id));
  for (const tag of model.tags) meta.append(el('span', 'tag', tag));
  head.append(meta, el('p', 'summary', model.summary));
  if (model.replacedBy) {
    const note = el('p', 'notice');
    note.append(icon('arrow-right'), document.createTextNode(' Replaced by '));
    const button = el('button', 'link', model.replacedBy.title);
    button.type = 'button';
    button.addEventListener('click', () => send({ type: 'openPattern', id: model.replacedBy?.id ?? '' }));
    note.append(button);
    head.append(note);
  }
  const source = el('button', 'link small', `Open source file (${model.source})`);
  source.type = 'button';
  source.addEventListener('click', () => send({ type: 'openSource' }));
  head.append(source);
  return head;
}

export function renderPage(root: HTMLElement, model: PanelModel, send: Send): void {
  const page = el('div', 'page');
  const article = el('article', 'body');
  // Safe by construction: markdown-it with html:false, links filtered, code escaped by highlight.js.
  article.innerHTML = model.html;
  // The header already shows the title; drop the document's own copy of it.
  const first = article.firstElementChild;
  if (first?.tagName === 'H1' && first.textContent?.trim() === model.title.trim()) first.remove();
  const aside = el('aside');
  aside.append(section('Maintainers', people(model.maintainers, '', 'No maintainer listed.')));
  aside.append(section('Experts', people(model.experts, model.expertsNote ?? 'Looking at who wrote the code using it…', model.expertsNote ?? 'Nobody yet.')));
  aside.append(section('Examples', model.examples.length ? links(model.examples, (index) => send({ type: 'openExample', index })) : 'No example listed.'));
  const usages = model.usages === undefined ? 'Searching the workspace…' : model.usages.length ? links(model.usages, (index) => send({ type: 'openUsage', index })) : 'Not used in this workspace yet.';
  const usageBox = section(`Used in this workspace${model.usages ? ` (${model.usages.length})` : ''}`, usages);
  if (model.usagesNote) usageBox.append(el('p', 'muted', model.usagesNote));
  aside.append(usageBox);
  if (model.replaces.length) aside.append(section('Replaces', patternRefs(model.replaces, send)));
  if (model.related.length) aside.append(section('Related', patternRefs(model.related, send)));
  page.append(header(model, send), article, aside);
  root.replaceChildren(page);
}
