// Scan, channel and forward/backward choice.
import type { Direction } from '../../../shared/formats/types.ts';
import type { Scan } from './useScanImages.ts';

export function ImagePicker({
  scans,
  scan,
  channels,
  channel,
  directions,
  direction,
  onScan,
  onChannel,
  onDirection,
}: {
  scans: Scan[];
  scan: Scan | null;
  channels: string[];
  channel: string | null;
  directions: ReadonlySet<Direction>;
  direction: Direction | null;
  onScan(fileId: number): void;
  onChannel(channel: string): void;
  onDirection(direction: Direction): void;
}) {
  return (
    <div className="row">
      <label>
        Scan{' '}
        <select
          data-testid="topo-image-select"
          value={scan?.fileId ?? ''}
          onChange={(e) => onScan(Number(e.target.value))}
        >
          {scans.map((s) => (
            <option key={s.fileId} value={s.fileId}>
              {s.fileName}
              {s.acquiredAt ? ` · ${s.acquiredAt.slice(0, 16).replace('T', ' ')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel{' '}
        <select
          data-testid="topo-channel-select"
          value={channel ?? ''}
          onChange={(e) => onChannel(e.target.value)}
        >
          {channels.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <div className="topo-segmented" role="group" aria-label="Scan direction">
        {(['forward', 'backward'] as const).map((d) => (
          <button
            key={d}
            data-testid={`topo-direction-${d}`}
            className={d === direction ? 'active' : ''}
            disabled={!directions.has(d)}
            aria-pressed={d === direction}
            onClick={() => onDirection(d)}
          >
            {d === 'forward' ? 'fwd' : 'bwd'}
          </button>
        ))}
      </div>
    </div>
  );
}
