// Pointer gestures on the viewport: pan, box and lasso selection, profile line. Coordinates are
// CSS px relative to the viewport's top-left corner.
import { useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { pointInPolygon } from '../../../shared/image/pointInPolygon.ts';
import type { Point2 } from '../../../shared/image/pointInPolygon.ts';
import type { ProfileLine, SelectMode, TopoTool } from './tools.ts';
import type { ViewTransform, ViewportSize } from './viewTransform.ts';
import { clampTransform, toFrame } from './viewTransform.ts';

export type Gesture =
  | { kind: 'pan'; from: Point2; start: ViewTransform; moved: boolean; additive: boolean }
  | { kind: 'box'; from: Point2; to: Point2; additive: boolean }
  | { kind: 'lasso'; points: Point2[]; additive: boolean }
  | { kind: 'profile'; from: Point2; to: Point2 };

/** Movement below which a press counts as a click, CSS px. */
const CLICK_SLOP = 3;

export function useGestures({
  tool,
  size,
  transform,
  maxScale,
  markerPoints,
  onTransform,
  onSelect,
  onProfile,
  onHover,
}: {
  tool: TopoTool;
  size: ViewportSize;
  transform: ViewTransform;
  maxScale: number;
  /** Screen position of every marker, by key. */
  markerPoints: ReadonlyArray<{ key: string; x: number; y: number }>;
  onTransform(t: ViewTransform): void;
  onSelect(keys: string[], mode: SelectMode): void;
  onProfile(line: ProfileLine): void;
  onHover(point: Point2 | null): void;
}) {
  const [gesture, setGesture] = useState<Gesture | null>(null);

  const at = (e: ReactPointerEvent<Element>): Point2 => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>): void => {
    if (e.button !== 0 && e.button !== 1) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    const additive = e.ctrlKey || e.metaKey;
    if (e.button === 1 || tool === 'pan')
      setGesture({ kind: 'pan', from: p, start: transform, moved: false, additive: additive || e.shiftKey });
    else if (tool === 'profile') setGesture({ kind: 'profile', from: p, to: p });
    else if (tool === 'lasso' || (tool === 'select' && e.shiftKey))
      setGesture({ kind: 'lasso', points: [p], additive: additive || (tool === 'lasso' && e.shiftKey) });
    else setGesture({ kind: 'box', from: p, to: p, additive: additive || e.shiftKey });
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>): void => {
    const p = at(e);
    onHover(p);
    if (!gesture) return;
    if (gesture.kind === 'pan') {
      const dx = p.x - gesture.from.x;
      const dy = p.y - gesture.from.y;
      const moved = gesture.moved || Math.hypot(dx, dy) > CLICK_SLOP;
      if (moved !== gesture.moved) setGesture({ ...gesture, moved });
      onTransform(
        clampTransform(
          { ...gesture.start, tx: gesture.start.tx + dx, ty: gesture.start.ty + dy },
          size,
          maxScale,
        ),
      );
    } else if (gesture.kind === 'lasso') {
      const last = gesture.points.at(-1) as Point2;
      if (Math.hypot(p.x - last.x, p.y - last.y) > 2)
        setGesture({ ...gesture, points: [...gesture.points, p] });
    } else setGesture({ ...gesture, to: p });
  };

  const finish = (): void => {
    const g = gesture;
    setGesture(null);
    if (!g) return;
    const mode: SelectMode = 'additive' in g && g.additive ? 'add' : 'replace';
    if (g.kind === 'pan') {
      if (!g.moved && mode === 'replace') onSelect([], 'replace');
    } else if (g.kind === 'box') {
      const [x0, x1] = [Math.min(g.from.x, g.to.x), Math.max(g.from.x, g.to.x)];
      const [y0, y1] = [Math.min(g.from.y, g.to.y), Math.max(g.from.y, g.to.y)];
      if (x1 - x0 < CLICK_SLOP && y1 - y0 < CLICK_SLOP)
        return mode === 'replace' ? onSelect([], mode) : undefined;
      onSelect(
        markerPoints.filter((m) => m.x >= x0 && m.x <= x1 && m.y >= y0 && m.y <= y1).map((m) => m.key),
        mode,
      );
    } else if (g.kind === 'lasso') {
      if (g.points.length < 3) return mode === 'replace' ? onSelect([], mode) : undefined;
      onSelect(
        markerPoints.filter((m) => pointInPolygon(m, g.points)).map((m) => m.key),
        mode,
      );
    } else if (Math.hypot(g.to.x - g.from.x, g.to.y - g.from.y) >= CLICK_SLOP) {
      onProfile({
        start: toFrame(transform, size, g.from.x, g.from.y),
        end: toFrame(transform, size, g.to.x, g.to.y),
      });
    }
  };

  return {
    gesture,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: finish,
      onPointerCancel: () => setGesture(null),
      onPointerLeave: () => onHover(null),
    },
  };
}
