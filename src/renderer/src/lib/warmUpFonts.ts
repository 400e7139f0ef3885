// The page's first layout of text in a font (a family, size and weight) makes synchronous calls to
// the browser process: the family's match and each size's render style (1–10 ms each on the 2-core
// bench machine, ~40 ms together in the shell's first layout, more when the browser process is
// busy), and the first form controls of each kind cost their own set-up. Here one sample of each
// font and control the Library's first view uses (the app's own elements and classes, so
// styles.css decides their fonts) is laid out in a task of its own while React DOM's code loads,
// off screen and hidden; the first commit's layout then finds them cached. A sample whose font
// the CSS no longer uses costs a few ms once, nothing else.

import { runOneShotWorker } from './oneShotWorker.ts';
import { runOnePerTask } from './taskSteps.ts';

type Sample = () => HTMLElement;

function element(tag: string, className = '', ...children: Array<HTMLElement | string>): HTMLElement {
  const made = document.createElement(tag);
  if (className) made.className = className;
  made.append(...children);
  return made;
}

const TEXT = 'Aa 0.5 V · nA';

const SAMPLES: readonly Sample[] = [
  () => element('h1', '', TEXT),
  () => element('h2', '', TEXT),
  () => element('p', 'note', TEXT),
  () => element('button', 'tab', TEXT),
  () => element('textarea', '', TEXT),
  () => {
    const input = document.createElement('input');
    input.type = 'text';
    return element('div', '', input);
  },
  () => element('select', '', element('option', '', TEXT)),
  () => element('div', 'label-bar', element('kbd', '', 'A')),
  () =>
    element(
      'table',
      'windowed',
      element('thead', '', element('tr', '', element('th', '', TEXT))),
      element('tbody', '', element('tr', '', element('td', 'num', TEXT))),
    ),
];

/** How long the page waits for the font worker before laying its samples out anyway, ms. */
const WORKER_WAIT_MS = 500;

/**
 * First the browser process's font set-up, from a worker (fontWarmUpWorker.ts) with the page's
 * own font (as styles.css gives it); then, or after WORKER_WAIT_MS, the samples on the page.
 */
export function warmUpFonts(): void {
  void runOneShotWorker(
    () => new Worker(new URL('./fontWarmUpWorker.ts', import.meta.url), { type: 'module' }),
    { message: [getComputedStyle(document.documentElement).font], waitMs: WORKER_WAIT_MS },
  ).then(layOutSamples);
}

/** Lays out one sample per task (a timeout apart), then removes them. */
function layOutSamples(): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Off screen and hidden, but laid out (display: none would skip the fonts).
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;visibility:hidden;contain:layout';
  document.body.append(host);
  const layOut = (sample: Sample) => (): void => {
    host.append(sample());
    // Forces this sample's style and layout now, in this task (the document is otherwise empty).
    void host.offsetHeight;
  };
  window.setTimeout(() => runOnePerTask([...SAMPLES.map(layOut), () => host.remove()]), 0);
}
