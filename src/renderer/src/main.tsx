// The page's entry. React DOM and the app are imported one after the other, so each module graph
// is evaluated in a task of its own: together (one static graph) they were the page load's first
// long task (~130 ms on the bench machine). The first render is a transition: React renders it in
// slices of a few ms, yielding between them (rendered at once it was a 60–120 ms task).
import { startTransition } from 'react';
import { warmUpFonts } from './lib/warmUpFonts.ts';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // While React DOM's code loads: the fonts' and form controls' first layout, and the first view's
  // requests, a task for each.
  warmUpFonts();
  const reactDom = import('react-dom/client');
  void import('./data/firstViewQueries.ts').then((m) => m.prefetchFirstView());
  const { createRoot } = await reactDom;
  const { Root } = await import('./Root.tsx');
  const reactRoot = createRoot(root);
  startTransition(() => reactRoot.render(<Root />));
}

void start();
