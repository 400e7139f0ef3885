// Outline segments (pixel coordinates, pixel centres at integers) as an SVG path in any target
// box: the viewport (zoomed and panned) or the exported figure.

/** SVG path data of segments [xa, ya, xb, yb]…, mapped by `map(u, v)` from frame fractions (0…1). */
export function outlinePath(
  segments: readonly number[],
  width: number,
  height: number,
  map: (u: number, v: number) => { x: number; y: number },
): string {
  const parts: string[] = [];
  for (let k = 0; k + 3 < segments.length; k += 4) {
    const a = map(((segments[k] as number) + 0.5) / width, ((segments[k + 1] as number) + 0.5) / height);
    const b = map(((segments[k + 2] as number) + 0.5) / width, ((segments[k + 3] as number) + 0.5) / height);
    parts.push(`M${a.x.toFixed(1)} ${a.y.toFixed(1)}L${b.x.toFixed(1)} ${b.y.toFixed(1)}`);
  }
  return parts.join('');
}
