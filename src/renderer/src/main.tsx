// The page's entry. React DOM and the app are imported one after the other, so each module graph
// is evaluated in a task of its own: together (one static graph) they were the page load's first
// long task (~130 ms on the bench machine).
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const { createRoot } = await import('react-dom/client');
  const { Root } = await import('./Root.tsx');
  createRoot(root).render(<Root />);
}

void start();
