// Pure image numerics for topography: levelling, profiles, lasso geometry.
export { fitPlane, planeAt } from './fitPlane.ts';
export type { Plane } from './fitPlane.ts';
export { fitPlaneRobust } from './fitPlaneRobust.ts';
export type { RobustPlaneOptions } from './fitPlaneRobust.ts';
export { fitRowLine, levelLineOffsetRows, levelLineSlopeRows, rowOffset } from './levelLines.ts';
export type { LineOffsetStatistic } from './levelLines.ts';
export { levelImage, levelRows, planLevelling } from './levelImage.ts';
export type { LevellingPlan } from './levelImage.ts';
export { bilinearAt, sampleProfile } from './sampleProfile.ts';
export type { PixelPoint, Profile, ProfileOptions } from './sampleProfile.ts';
export { pointInPolygon } from './pointInPolygon.ts';
export type { Point2 } from './pointInPolygon.ts';
export { assertScalarImage, LEVELLING_METHODS } from './types.ts';
export type { LevellingMethod, ScalarImage } from './types.ts';
