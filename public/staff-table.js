// The staff table of ideas, better with JavaScript. Without it every part works as plain links
// and forms; with it:
// - a box in the header ticks every row of the page, and a count says how many are ticked;
// - ticking a row chooses "the ideas you have ticked" for the batch;
// - the batch form shows only the fields its action uses;
// - the column headers and the pager reorder and turn the table in place: the address changes
//   as after a link, so Back, reload and a shared address give the same table.
const main = document.querySelector('main');

function setUp() {
  const table = document.querySelector('table.staff-table');
  if (!table) return;
  const boxes = () => [...table.querySelectorAll('tbody input[type="checkbox"][name="ids"]')];
  const all = document.getElementById('pick-all');
  const count = document.getElementById('picked');
  const texts = count?.dataset.counts?.split('|') ?? [];

  const show = () => {
    const ticked = boxes().filter((box) => box.checked).length;
    if (all) {
      all.checked = ticked > 0 && ticked === boxes().length;
      all.indeterminate = ticked > 0 && ticked < boxes().length;
    }
    if (count) {
      // Said only once something is ticked; the status line stays quiet before.
      count.textContent = ticked > 0 ? (texts[ticked] ?? String(ticked)) : '';
      count.hidden = ticked === 0;
    }
  };
  if (all) {
    all.closest('[hidden]')?.removeAttribute('hidden');
    all.addEventListener('change', () => {
      for (const box of boxes()) box.checked = all.checked;
      tickedScope();
      show();
    });
  }
  table.addEventListener('change', (event) => {
    if (event.target.name === 'ids') {
      tickedScope();
      show();
    }
  });
  show();

  const action = document.getElementById('batch-action');
  const fields = [...document.querySelectorAll('#batch [data-for]')];
  const fit = () => {
    for (const field of fields) field.hidden = !field.dataset.for.split(' ').includes(action.value);
  };
  if (action) {
    action.addEventListener('change', fit);
    fit();
  }
}

function tickedScope() {
  const ticked = document.getElementById('scope-ticked');
  if (ticked) ticked.checked = true;
}

// A sort header or a page link of the table: fetch that table and put it in place.
async function turnTo(address, push, sort) {
  main.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(address, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
    if (!response.ok || !next || !next.querySelector('table.staff-table')) throw new Error('no table');
    main.replaceChildren(...document.adoptNode(next).childNodes);
    if (push) history.pushState({ staffTable: true }, '', response.url);
    setUp();
    // Focus stays on what was used: the sorted column's header, or the page's status line.
    const sorted = sort && main.querySelector('th[aria-sort] a.sort');
    (sorted || main.querySelector('#showing'))?.focus();
  } catch {
    // Whatever went wrong, the plain link still works.
    location.assign(address);
  } finally {
    main.removeAttribute('aria-busy');
  }
}

if (main && document.querySelector('table.staff-table')) {
  setUp();
  main.addEventListener('click', (event) => {
    const link = event.target.closest('a.sort, nav.pager a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    turnTo(link.href, true, link.matches('a.sort'));
  });
  addEventListener('popstate', () => turnTo(location.href, false, false));
}
