// Levelling, colormap and contrast of the displayed image.
import { useState } from 'react';
import { LEVELLING_METHODS } from '../../../shared/image/types.ts';
import type { LevellingMethod } from '../../../shared/image/types.ts';
import { COLORMAP_NAMES } from '../lib/colormaps.ts';
import type { ColormapName } from '../lib/colormaps.ts';
import { siPrefix } from '../lib/axisKit.ts';
import { CONTRAST_MODES } from './contrastRange.ts';
import type { ContrastMode, Range } from './contrastRange.ts';

export function DisplayControls({
  levelling,
  colormap,
  contrast,
  range,
  unit,
  busy,
  onLevelling,
  onColormap,
  onContrast,
  onManualRange,
}: {
  levelling: LevellingMethod;
  colormap: ColormapName;
  contrast: ContrastMode;
  /** The range in use, channel unit. */
  range: Range | null;
  unit: string;
  busy: boolean;
  onLevelling(method: LevellingMethod): void;
  onColormap(name: ColormapName): void;
  onContrast(mode: ContrastMode): void;
  onManualRange(range: Range): void;
}) {
  return (
    <div className="row">
      <label>
        Levelling{' '}
        <select
          data-testid="levelling-select"
          value={levelling}
          onChange={(e) => onLevelling(e.target.value as LevellingMethod)}
        >
          {LEVELLING_METHODS.map((m) => (
            <option key={m.method} value={m.method}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {busy && <span className="note">levelling…</span>}
      <label>
        Colormap{' '}
        <select
          data-testid="colormap"
          value={colormap}
          onChange={(e) => onColormap(e.target.value as ColormapName)}
        >
          {COLORMAP_NAMES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label>
        Contrast{' '}
        <select
          data-testid="contrast-mode"
          value={contrast}
          onChange={(e) => onContrast(e.target.value as ContrastMode)}
        >
          {CONTRAST_MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {contrast === 'manual' && range && <ManualRange range={range} unit={unit} onChange={onManualRange} />}
    </div>
  );
}

/** Min and max inputs in one SI prefix chosen from the range (e.g. pm for a levelled Z). */
function ManualRange({
  range,
  unit,
  onChange,
}: {
  range: Range;
  unit: string;
  onChange(range: Range): void;
}) {
  const { factor, symbol } = siPrefix(Math.max(Math.abs(range.lo), Math.abs(range.hi)));
  const [draft, setDraft] = useState<{ lo: string; hi: string } | null>(null);
  const shown = draft ?? {
    lo: String(Number((range.lo / factor).toPrecision(4))),
    hi: String(Number((range.hi / factor).toPrecision(4))),
  };
  const commit = (next: { lo: string; hi: string }): void => {
    setDraft(next);
    const lo = Number(next.lo) * factor;
    const hi = Number(next.hi) * factor;
    if (
      next.lo.trim() !== '' &&
      next.hi.trim() !== '' &&
      Number.isFinite(lo) &&
      Number.isFinite(hi) &&
      hi > lo
    )
      onChange({ lo, hi });
  };
  return (
    <span className="row topo-manual-range">
      <label>
        min{' '}
        <input
          data-testid="contrast-min"
          type="number"
          step="any"
          value={shown.lo}
          onChange={(e) => commit({ ...shown, lo: e.target.value })}
          onBlur={() => setDraft(null)}
        />
      </label>
      <label>
        max{' '}
        <input
          data-testid="contrast-max"
          type="number"
          step="any"
          value={shown.hi}
          onChange={(e) => commit({ ...shown, hi: e.target.value })}
          onBlur={() => setDraft(null)}
        />
      </label>
      <span className="note">
        {symbol}
        {unit}
      </span>
    </span>
  );
}
