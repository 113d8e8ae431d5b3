/**
 * Link previews: hovering a link to another page (mouse or pen), or focusing it with the
 * keyboard, shows that page's title and first lines in a popover. The preview is read from
 * the target page's <head> (its description meta), fetched once and cut off at </head>.
 * Touch does nothing special: a tap follows the link.
 */
import { placePopover } from '../lib/site/popover-position.ts';

interface PagePreview {
  title: string;
  description: string;
  isMissing: boolean;
}

/** Long enough that passing the pointer over a link shows nothing. */
const HOVER_DELAY_MS = 350;
/** Time to move the pointer from the link into the popover. */
const HIDE_DELAY_MS = 250;

export function initLinkPreviews(popover: HTMLElement, base: string): void {
  const notesPath = `${base}notes/`;
  const previews = new Map<string, Promise<PagePreview | undefined>>();
  let current: HTMLAnchorElement | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;

  const previewTarget = (element: EventTarget | null): HTMLAnchorElement | undefined => {
    // A title only one note links has no page: its link is a <span> (`.wiki-link-single-mention`), never fetched.
    const link = element instanceof Element ? element.closest<HTMLAnchorElement>('main a[href]') : null;
    if (!link || link.origin !== location.origin || !link.pathname.startsWith(notesPath)) return undefined;
    if (link.pathname === location.pathname) return undefined; // same page: a heading link
    return link;
  };

  const previewOf = (link: HTMLAnchorElement): Promise<PagePreview | undefined> => {
    const url = link.origin + link.pathname;
    let preview = previews.get(url);
    if (!preview) {
      preview = fetchPreview(url).catch(() => undefined);
      previews.set(url, preview);
    }
    return preview;
  };

  async function show(link: HTMLAnchorElement): Promise<void> {
    window.clearTimeout(hideTimer);
    if (current && current !== link) hide();
    current = link;
    const preview = await previewOf(link);
    if (current !== link || !preview) return;
    popover.replaceChildren(...previewContent(preview));
    popover.classList.toggle('link-preview-missing', preview.isMissing);
    popover.hidden = false;
    const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
    const placement = placePopover(rect, popover.getBoundingClientRect(), {
      width: document.documentElement.clientWidth,
      height: window.innerHeight,
    });
    popover.style.top = `${placement.top}px`;
    popover.style.left = `${placement.left}px`;
    popover.dataset.side = placement.side;
    link.setAttribute('aria-describedby', popover.id);
  }

  function hide(): void {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    current?.removeAttribute('aria-describedby');
    current = undefined;
    popover.hidden = true;
  }

  const hideSoon = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    if (popover.contains(event.target as Node)) {
      window.clearTimeout(hideTimer);
      return;
    }
    const link = previewTarget(event.target);
    if (!link) return;
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    if (link === current) return;
    void previewOf(link); // start the fetch while the delay runs
    showTimer = window.setTimeout(() => void show(link), HOVER_DELAY_MS);
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    const leaving = previewTarget(event.target) ?? (popover.contains(event.target as Node) ? current : undefined);
    const entering = event.relatedTarget as Node | null;
    if (!leaving || (entering && (leaving.contains(entering) || popover.contains(entering)))) return;
    hideSoon();
  });
  document.addEventListener('focusin', (event) => {
    const link = previewTarget(event.target);
    // Keyboard focus only: a tap or click also focuses the link, and then it is followed.
    if (link && link.matches(':focus-visible')) void show(link);
  });
  document.addEventListener('focusout', (event) => {
    if (previewTarget(event.target) === current) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) hide();
  });
  document.addEventListener('click', hide);
  window.addEventListener('scroll', hide, { passive: true });
}

function previewContent(preview: PagePreview): Node[] {
  const title = document.createElement('strong');
  title.className = 'link-preview-title';
  title.textContent = preview.title;
  const description = document.createElement('span');
  description.className = 'link-preview-text';
  description.textContent = preview.description;
  return [title, description];
}

/** Reads the target page only up to </head>: title and description are all a preview needs. */
async function fetchPreview(url: string): Promise<PagePreview | undefined> {
  const response = await fetch(url);
  if (!response.ok || !response.body) return undefined;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let head = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) head += value;
    const end = head.indexOf('</head>');
    if (end >= 0) {
      head = head.slice(0, end);
      void reader.cancel();
      break;
    }
    if (done) break;
  }
  const doc = new DOMParser().parseFromString(`${head}</head><body></body>`, 'text/html');
  const meta = (selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content ?? '';
  const title = meta('meta[property="og:title"]');
  if (!title) return undefined;
  return {
    title,
    description: meta('meta[name="description"]'),
    isMissing: meta('meta[name="page-kind"]') === 'missing',
  };
}
