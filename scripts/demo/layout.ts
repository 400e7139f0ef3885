// Where the demo's platelets lie and where the tip took sweeps on them. Metres throughout.
export type DemoGroup = 'core' | 'crown-centre' | 'crown-edge';

export interface Platelet {
  /** Centre, metres. */
  x: number;
  y: number;
  /** Core half-width; crown half-width (0 for core-only platelets), metres. */
  coreHalf: number;
  crownHalf: number;
}

export interface SpotPlan {
  group: DemoGroup;
  x: number;
  y: number;
}

/** Frame of the topography: centre and size, metres. */
export const FRAME = { centreX: 200e-9, centreY: 150e-9, size: 150e-9 };

/** 6 core-only platelets (top row and a half), 6 core–crown platelets below, on a 4 x 3 grid. */
export function platelets(): Platelet[] {
  const result: Platelet[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 4; col++) {
      const x = FRAME.centreX + (col - 1.5) * 36e-9;
      const y = FRAME.centreY + (1 - row) * 44e-9;
      const coreOnly = row * 4 + col < 6;
      result.push(
        coreOnly ? { x, y, coreHalf: 8e-9, crownHalf: 0 } : { x, y, coreHalf: 7e-9, crownHalf: 15e-9 },
      );
    }
  }
  return result;
}

/**
 * 20 spots per group, at least 1 nm apart on a platelet so that no two different spots are taken
 * for a repeated-sweep series (those lie within 0.5 nm).
 */
export function spotPlan(all: Platelet[], uniform: () => number): SpotPlan[] {
  const coreOnly = all.filter((p) => p.crownHalf === 0);
  const coreCrown = all.filter((p) => p.crownHalf > 0);
  const spots: SpotPlan[] = [];
  const offsets = [
    [0, 0],
    [2.5e-9, 1.5e-9],
    [-2e-9, -2.5e-9],
    [1e-9, -3e-9],
  ] as const;
  for (let i = 0; i < 20; i++) {
    const platelet = coreOnly[i % coreOnly.length] as Platelet;
    const [dx, dy] = offsets[Math.floor(i / coreOnly.length)] as readonly [number, number];
    spots.push({
      group: 'core',
      x: platelet.x + dx + 0.2e-9 * uniform(),
      y: platelet.y + dy + 0.2e-9 * uniform(),
    });
  }
  for (let i = 0; i < 20; i++) {
    const platelet = coreCrown[i % coreCrown.length] as Platelet;
    const [dx, dy] = offsets[Math.floor(i / coreCrown.length)] as readonly [number, number];
    spots.push({ group: 'crown-centre', x: platelet.x + dx, y: platelet.y + dy });
  }
  for (let i = 0; i < 20; i++) {
    const platelet = coreCrown[i % coreCrown.length] as Platelet;
    // On the crown rim: between the core edge and the outer edge, going round the platelet.
    const angle = (i / 20) * 2 * Math.PI * 3 + uniform() * 0.3;
    const radius = 0.5 * (platelet.coreHalf + platelet.crownHalf);
    spots.push({
      group: 'crown-edge',
      x: platelet.x + radius * Math.cos(angle),
      y: platelet.y + radius * Math.sin(angle),
    });
  }
  return spots;
}
