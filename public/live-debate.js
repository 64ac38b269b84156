// The debate under an idea, better with JavaScript: posting an argument or a reply, marking one
// helpful, editing or deleting one's own happen in place. Each form is sent exactly as without
// JavaScript; the page the server answers with (after its redirect) gives the new debate, which
// replaces the old one, and the address becomes that page's, so reload and Back agree with it.
// When the answer is another page (sign-in on the way), the browser goes there as it would have.
const debate = () => document.getElementById('debate');

async function send(form, submitter) {
  const body = new URLSearchParams(new FormData(form, submitter));
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'text/html' },
  });
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.getElementById('debate');
  const here = new URL(response.url);
  if (!response.ok || !fresh || here.pathname !== location.pathname) {
    location.assign(response.url);
    return;
  }
  const helpful = form.querySelector('input[name="helpful"]') ? form.closest('article')?.id : null;
  debate().replaceWith(document.adoptNode(fresh));
  history.replaceState(null, '', response.url);
  // Focus where the reader is: the same helpful button, else what the answer says.
  const target =
    (helpful && document.querySelector(`#${helpful} button.helpful`)) ||
    debate().querySelector('[role="alert"], [role="status"]');
  if (target) {
    if (!target.matches('button')) target.tabIndex = -1;
    target.focus();
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !debate()?.contains(form) || form.method !== 'post') return;
  event.preventDefault();
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  send(form, event.submitter).catch(() => form.submit());
});
