// A legend box inside the plotting area (top-right by default). Entries can be toggled by a
// click; hidden entries stay listed, greyed, so the figure's key never loses a group silently.
import { FONT, TICK_FONT } from './theme.ts';

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  /** line: a stroke; patch: a filled square; open: an open circle marker; dashed: a dashed stroke. */
  kind?: 'line' | 'patch' | 'open' | 'dashed';
  hidden?: boolean;
}

const ROW = 19;

/** Width of the legend box for these entries, viewBox units (labels at ~0.56 em per character). */
export function legendWidth(entries: ReadonlyArray<Pick<LegendEntry, 'label'>>): number {
  return 34 + Math.max(0, ...entries.map((e) => e.label.length)) * TICK_FONT * 0.56;
}

export function Legend({
  entries,
  x,
  y,
  anchor = 'end',
  onToggle,
}: {
  entries: LegendEntry[];
  /** Box position, viewBox units: its right edge (anchor 'end'), centre ('middle') or left edge. */
  x: number;
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  onToggle?: (key: string) => void;
}) {
  const width = legendWidth(entries);
  const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return (
    <g fontFamily={FONT} fontSize={TICK_FONT} data-testid="figure-legend">
      <rect
        x={left}
        y={y}
        width={width}
        height={entries.length * ROW + 8}
        fill="#fff"
        fillOpacity={0.85}
        stroke="#bbb"
        strokeWidth={0.8}
      />
      {entries.map((e, i) => {
        const cy = y + 4 + ROW * i + ROW / 2;
        return (
          <g
            key={e.key}
            opacity={e.hidden ? 0.35 : 1}
            style={onToggle ? { cursor: 'pointer' } : undefined}
            onClick={onToggle ? () => onToggle(e.key) : undefined}
            data-legend={e.key}
          >
            <rect x={left + 2} y={cy - ROW / 2} width={width - 4} height={ROW} fill="transparent" />
            {(e.kind ?? 'line') === 'patch' ? (
              <rect x={left + 8} y={cy - 6} width={18} height={12} fill={e.colour} />
            ) : e.kind === 'open' ? (
              <circle cx={left + 17} cy={cy} r={4.5} fill="#fff" stroke={e.colour} strokeWidth={1.6} />
            ) : (
              <line
                x1={left + 7}
                x2={left + 27}
                y1={cy}
                y2={cy}
                stroke={e.colour}
                strokeWidth={2.5}
                strokeDasharray={e.kind === 'dashed' ? '5 3' : undefined}
              />
            )}
            <text x={left + 32} y={cy} dy="0.35em" fill="#111">
              {e.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
