// Pointer tool choice.
import { TOOLS } from './tools.ts';
import type { TopoTool } from './tools.ts';

export function ToolBar({ tool, onTool }: { tool: TopoTool; onTool(tool: TopoTool): void }) {
  return (
    <div className="topo-segmented" role="group" aria-label="Tool">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          data-testid={`tool-${t.tool}`}
          className={t.tool === tool ? 'active' : ''}
          aria-pressed={t.tool === tool}
          title={t.hint}
          onClick={() => onTool(t.tool)}
        >
          {t.title}
        </button>
      ))}
    </div>
  );
}
