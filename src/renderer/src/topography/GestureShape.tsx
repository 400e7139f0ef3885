// The shape of the gesture in progress: selection box, lasso or profile line.
import type { Gesture } from './useGestures.ts';

export function GestureShape({ gesture }: { gesture: Gesture }) {
  if (gesture.kind === 'box')
    return (
      <rect
        className="topo-box"
        x={Math.min(gesture.from.x, gesture.to.x)}
        y={Math.min(gesture.from.y, gesture.to.y)}
        width={Math.abs(gesture.to.x - gesture.from.x)}
        height={Math.abs(gesture.to.y - gesture.from.y)}
      />
    );
  if (gesture.kind === 'lasso')
    return <polygon className="topo-box" points={gesture.points.map((p) => `${p.x},${p.y}`).join(' ')} />;
  if (gesture.kind === 'profile')
    return (
      <g className="topo-profile-line">
        <line x1={gesture.from.x} y1={gesture.from.y} x2={gesture.to.x} y2={gesture.to.y} />
      </g>
    );
  return null;
}
