/**
 * Link previews: hovering a link to another page (mouse or pen), or focusing it with the
 * keyboard, shows that page's title and first lines in a popover. The preview is read from
 * the target page's <head> (its description meta), fetched once and cut off at </head>.
 * Touch does nothing special: a tap follows the link. What needs no DOM is `lib/previews/`.
 */
import { pagePreviewFrom, readHead, type PagePreview } from '../lib/previews/page-preview.ts';
import { placePopover } from '../lib/previews/popover-position.ts';
import { previewCache } from '../lib/previews/preview-cache.ts';
import { isPreviewWanted, pointerLeavesPreview } from '../lib/previews/preview-hover.ts';
import { isPreviewable, notesPathOf, previewUrl } from '../lib/previews/preview-target.ts';

/** Long enough that passing the pointer over a link shows nothing. */
const HOVER_DELAY_MS = 350;
/** Time to move the pointer from the link into the popover. */
const HIDE_DELAY_MS = 250;

/** Finds the link an event is on, if it gets a preview. */
type PreviewTarget = (element: EventTarget | null) => HTMLAnchorElement | undefined;

export function initLinkPreviews(popover: HTMLElement, base: string): void {
  const previewTarget = previewTargetIn(notesPathOf(base));
  const previews = new PreviewPopover(popover, previewCache(fetchPreview));
  followPointer(previews, previewTarget);
  followKeyboard(previews, previewTarget);
}

/** The link an event is on, if it gets a preview (lib/previews/preview-target.ts). */
function previewTargetIn(notesPath: string): PreviewTarget {
  return (element) => {
    // A title only one note links has no page: its link is a <span> (`.wiki-link-single-mention`), never fetched.
    const link = element instanceof Element ? element.closest<HTMLAnchorElement>('main a[href]') : null;
    return link && isPreviewable(link, location, notesPath) ? link : undefined;
  };
}

/** The popover and the link it previews: shown after a delay or at once, hidden soon or at once. */
class PreviewPopover {
  readonly popover: HTMLElement;
  /** The link whose preview is shown, or is being fetched to be shown. */
  current: HTMLAnchorElement | undefined;
  private readonly previewAt: (url: string) => Promise<PagePreview | undefined>;
  private showTimer: number | undefined;
  private hideTimer: number | undefined;

  constructor(popover: HTMLElement, previewAt: (url: string) => Promise<PagePreview | undefined>) {
    this.popover = popover;
    this.previewAt = previewAt;
  }

  previewOf(link: HTMLAnchorElement): Promise<PagePreview | undefined> {
    return this.previewAt(previewUrl(link));
  }

  /** Shows `link`'s preview after the hover delay, its fetch started now. */
  showSoon(link: HTMLAnchorElement): void {
    this.stopTimers();
    if (link === this.current) return;
    void this.previewOf(link); // start the fetch while the delay runs
    this.showTimer = window.setTimeout(() => void this.show(link), HOVER_DELAY_MS);
  }

  async show(link: HTMLAnchorElement): Promise<void> {
    window.clearTimeout(this.hideTimer);
    if (this.current && this.current !== link) this.hide();
    this.current = link;
    const preview = await this.previewOf(link);
    if (!isPreviewWanted(this.current, link, preview)) return;
    this.popover.replaceChildren(...previewContent(preview));
    this.popover.classList.toggle('link-preview-missing', preview.isMissing);
    this.popover.hidden = false;
    placeBeside(this.popover, link);
    link.setAttribute('aria-describedby', this.popover.id);
  }

  /** Keeps the preview: the pointer came into the popover. */
  keep(): void {
    window.clearTimeout(this.hideTimer);
  }

  hide(): void {
    this.stopTimers();
    this.current?.removeAttribute('aria-describedby');
    this.current = undefined;
    this.popover.hidden = true;
  }

  /** Hides the preview after a moment, long enough to move the pointer into the popover. */
  hideSoon(): void {
    this.stopTimers();
    this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private stopTimers(): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
  }
}

/** Puts the shown popover below the link (above it when there is no room), inside the viewport. */
function placeBeside(popover: HTMLElement, link: HTMLAnchorElement): void {
  const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const placement = placePopover(rect, popover.getBoundingClientRect(), {
    width: document.documentElement.clientWidth,
    height: window.innerHeight,
  });
  popover.style.top = `${placement.top}px`;
  popover.style.left = `${placement.left}px`;
  popover.dataset.side = placement.side;
}

/** Mouse and pen: a preview after resting on a link, hidden soon after leaving it (unless into the popover). */
function followPointer(previews: PreviewPopover, previewTarget: PreviewTarget): void {
  const { popover } = previews;
  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    if (popover.contains(event.target as Node)) {
      previews.keep();
      return;
    }
    const link = previewTarget(event.target);
    if (link) previews.showSoon(link);
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    const leaving = previewTarget(event.target) ?? (popover.contains(event.target as Node) ? previews.current : undefined);
    const entering = event.relatedTarget as Node | null;
    if (pointerLeavesPreview<Node>(leaving, entering, popover, (outer, inner) => outer.contains(inner))) previews.hideSoon();
  });
}

/** The keyboard: a preview while a link has the focus, hidden with Escape; any click or scroll hides it. */
function followKeyboard(previews: PreviewPopover, previewTarget: PreviewTarget): void {
  document.addEventListener('focusin', (event) => {
    const link = previewTarget(event.target);
    // Keyboard focus only: a tap or click also focuses the link, and then it is followed.
    if (link && link.matches(':focus-visible')) void previews.show(link);
  });
  document.addEventListener('focusout', (event) => {
    if (previewTarget(event.target) === previews.current) previews.hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && previews.current) previews.hide();
  });
  document.addEventListener('click', () => previews.hide());
  window.addEventListener('scroll', () => previews.hide(), { passive: true });
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
  const head = await readHead(response.body.pipeThrough(new TextDecoderStream()).getReader());
  const doc = new DOMParser().parseFromString(`${head}</head><body></body>`, 'text/html');
  return pagePreviewFrom((selector) => doc.querySelector<HTMLMetaElement>(selector)?.content ?? '');
}
