// The moderation queue from the keyboard, with JavaScript: J or ↓ and K or ↑ move between the
// ideas, A approves the idea in focus, R goes to its reason, where Ctrl+Enter rejects it (or
// hides a public one) and Escape goes back to the idea. The single keys act only while focus is
// on an idea of the queue and not in a field (WCAG 2.1.4). Every action is the idea's own form
// button, so the server decides exactly as for a click; without JavaScript the buttons remain.
const queue = document.querySelector('ol.queue[data-keys]');

if (queue) {
  const cards = () => [...queue.querySelectorAll(':scope > li.queue-card')];
  const focusCard = (card) => {
    if (card) {
      card.focus();
      card.scrollIntoView({ block: 'nearest' });
    }
  };
  for (const card of cards()) card.tabIndex = -1;
  document.getElementById('queue-keys')?.removeAttribute('hidden');

  queue.addEventListener('keydown', (event) => {
    const card = event.target.closest('li.queue-card');
    if (!card) return;
    if (event.target.matches('input, textarea, select')) {
      if (event.target.name === 'reason' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        card.querySelector('button[value="reject"], button[value="hide"]')?.click();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        focusCard(card);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const list = cards();
    const at = list.indexOf(card);
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        focusCard(list[at + 1] ?? card);
        break;
      case 'k':
      case 'ArrowUp':
        focusCard(list[at - 1] ?? card);
        break;
      case 'a':
        card.querySelector('button[value="approve"]')?.click();
        break;
      case 'r':
        card.querySelector('textarea[name="reason"]')?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // After an action the idea has left the queue and the next one is first: start there.
  if (new URLSearchParams(location.search).has('done')) focusCard(cards()[0]);
}
