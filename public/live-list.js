// Better with JavaScript: on /ideas, sending or clearing the filters and choosing another page
// update the list in place instead of loading the whole page, and the address follows, so the
// list can still be shared, bookmarked and gone back to. Without JavaScript the filters are a
// plain GET form and the pages plain links, which is also what this falls back to on an error.
const form = document.querySelector('form.filters');
const results = document.getElementById('idea-results');
const count = document.getElementById('idea-count');

// The fields the visitor changes while a list is on its way are theirs: that list's answer
// must not put them back.
const edited = new Set();

if (form && results && count && window.fetch && window.DOMParser) {
  form.addEventListener('input', (event) => edited.add(event.target));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== '') query.append(name, value);
    }
    const text = query.toString();
    show(text ? `/ideas?${text}` : '/ideas', 'push');
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest('.pagination a[href^="/ideas"], form.filters .actions a[href^="/ideas"]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    fieldsShow(href);
    show(href, 'push');
  });
  window.addEventListener('popstate', () => {
    fieldsShow(location.pathname + location.search);
    show(location.pathname + location.search, 'none');
  });
}

let latest = 0;

// Puts the fields at once in the state a link or the history goes to, so what the visitor
// sees, and sends next, is that list's filter even before it has come.
function fieldsShow(address) {
  const query = new URL(address, location.href).searchParams;
  for (const field of form.querySelectorAll('select[name], input[name]')) {
    const fallback = field.tagName === 'SELECT' ? field.options[0]?.value ?? '' : '';
    field.value = query.get(field.name) ?? fallback;
  }
}

async function show(url, history) {
  const mine = ++latest;
  edited.clear();
  results.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(`${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (mine !== latest) return;
    const freshForm = page.querySelector('form.filters');
    const freshResults = page.getElementById('idea-results');
    const freshCount = page.getElementById('idea-count');
    if (!freshForm || !freshResults || !freshCount) throw new Error('not the list');
    // The fields stay where they are (and keep the focus); their values and counts are new.
    for (const field of form.querySelectorAll('select, input')) {
      const fresh = field.id && freshForm.querySelector(`#${CSS.escape(field.id)}`);
      if (!fresh) continue;
      const typed = field.value;
      if (field.tagName === 'SELECT') field.innerHTML = fresh.innerHTML;
      field.value = edited.has(field) ? typed : fresh.value;
    }
    const actions = form.querySelector('.actions');
    const freshActions = freshForm.querySelector('.actions');
    if (actions && freshActions) actions.innerHTML = freshActions.innerHTML;
    // The count keeps its element, a live region, so screen readers announce the new one.
    count.textContent = freshCount.textContent;
    results.replaceChildren(...[...freshResults.childNodes].map((n) => document.adoptNode(n)));
    document.title = page.title;
    const address = response.redirected ? new URL(response.url).pathname + new URL(response.url).search : url;
    if (history === 'push') window.history.pushState(null, '', address);
    for (const island of results.querySelectorAll('leptos-island')) {
      if (window.__hydrateIsland) window.__hydrateIsland(island, island.dataset.component);
    }
  } catch (error) {
    console.warn('the list could not be updated in place; loading the page', error);
    window.location.assign(url);
  } finally {
    if (mine === latest) results.removeAttribute('aria-busy');
  }
}
