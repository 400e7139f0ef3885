// Particle outlines of the suggestions over the image: the platelet at half its height (solid) and
// the core of a core–crown platelet midway between its levels (dashed), following zoom and pan.
import { useMemo } from 'react';
import type { ViewTransform, ViewportSize } from '../viewTransform.ts';
import { toScreen } from '../viewTransform.ts';
import { outlinePath } from './outlinePath.ts';
import type { Suggestions } from './useSuggestions.ts';

export function OutlineLayer({
  suggestions,
  transform,
  size,
}: {
  suggestions: Suggestions;
  transform: ViewTransform;
  size: ViewportSize;
}) {
  const paths = useMemo(() => {
    const map = (u: number, v: number): { x: number; y: number } => toScreen(transform, size, u, v);
    return suggestions.particles.map((p) => ({
      kind: p.kind,
      outline: outlinePath(p.outline, suggestions.width, suggestions.height, map),
      core: outlinePath(p.coreOutline, suggestions.width, suggestions.height, map),
    }));
  }, [suggestions, transform, size]);
  return (
    <g className="topo-outlines" pointerEvents="none" data-testid="topo-outlines">
      {paths.map((p, i) => (
        <g key={i} data-testid="topo-particle" data-kind={p.kind}>
          <path d={p.outline} className="topo-outline-halo" />
          <path d={p.outline} className="topo-outline" />
          {p.core && <path d={p.core} className="topo-outline-halo" />}
          {p.core && <path d={p.core} className="topo-outline core" />}
        </g>
      ))}
    </g>
  );
}
