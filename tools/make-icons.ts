/**
 * Draws the Teams app icons: two interlocking rings (the school and the social services working
 * together). Run `npx tsx tools/make-icons.ts` after changing the design; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './png-file.js';

type Rgba = readonly [number, number, number, number];

/** Geometry and colours of one icon, in pixels of the finished image. */
export interface RingIconDesign {
  size: number;
  /** Distance from the image centre to each ring's centre, along the x axis. */
  offset: number;
  radius: number;
  thickness: number;
  /** Background-coloured margin around the upper ring where the rings cross. */
  gap: number;
  background: Rgba;
  leftRing: Rgba;
  rightRing: Rgba;
}

const MUNICIPAL_BLUE: Rgba = [0x1b, 0x5e, 0x8a, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const TEAL: Rgba = [0x5c, 0xc8, 0xb8, 0xff];
const TRANSPARENT: Rgba = [0xff, 0xff, 0xff, 0x00];

/** The 192×192 full-colour icon: white and teal rings on municipal blue. */
export const COLOR_ICON: RingIconDesign = {
  size: 192,
  offset: 21,
  radius: 33,
  thickness: 13,
  gap: 5,
  background: MUNICIPAL_BLUE,
  leftRing: WHITE,
  rightRing: TEAL,
};

/** The 32×32 outline icon: white rings on a transparent background, as Teams requires. */
export const OUTLINE_ICON: RingIconDesign = {
  size: 32,
  offset: 4.5,
  radius: 7.25,
  thickness: 2.5,
  gap: 1.25,
  background: TRANSPARENT,
  leftRing: WHITE,
  rightRing: WHITE,
};

const SAMPLES_PER_AXIS = 4;

/** Renders a ring icon with 4×4 supersampling so the edges are smooth. */
export function drawRingIcon(design: RingIconDesign): RgbaImage {
  const { size } = design;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const color = colorAt(
            design,
            x + (sx + 0.5) / SAMPLES_PER_AXIS,
            y + (sy + 0.5) / SAMPLES_PER_AXIS,
          );
          // Premultiply so transparent samples do not darken the edge.
          const alpha = color[3] / 255;
          sum[0]! += color[0] * alpha;
          sum[1]! += color[1] * alpha;
          sum[2]! += color[2] * alpha;
          sum[3]! += color[3];
        }
      }
      const samples = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
      const alpha = sum[3]! / samples;
      const offset = (y * size + x) * 4;
      const unpremultiply = alpha > 0 ? 255 / alpha : 0;
      pixels[offset] = Math.round((sum[0]! / samples) * unpremultiply);
      pixels[offset + 1] = Math.round((sum[1]! / samples) * unpremultiply);
      pixels[offset + 2] = Math.round((sum[2]! / samples) * unpremultiply);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return { width: size, height: size, pixels };
}

function colorAt(design: RingIconDesign, x: number, y: number): Rgba {
  const centre = design.size / 2;
  const left = ringDistance(design, x, y, centre - design.offset, centre);
  const right = ringDistance(design, x, y, centre + design.offset, centre);
  const half = design.thickness / 2;
  // The rings interlock: the right ring lies on top above the centre line, the left one below.
  const rightOnTop = y < centre;
  const top = rightOnTop ? right : left;
  const bottom = rightOnTop ? left : right;
  const topColor = rightOnTop ? design.rightRing : design.leftRing;
  const bottomColor = rightOnTop ? design.leftRing : design.rightRing;
  if (top <= half) return topColor;
  if (top <= half + design.gap) return design.background;
  if (bottom <= half) return bottomColor;
  return design.background;
}

/** Distance from a point to the centre line of a ring. */
function ringDistance(design: RingIconDesign, x: number, y: number, cx: number, cy: number): number {
  return Math.abs(Math.hypot(x - cx, y - cy) - design.radius);
}

/** Writes color.png and outline.png into the given app package folder. */
export function writeIcons(appPackageDir: string): void {
  writeFileSync(`${appPackageDir}/color.png`, encodePng(drawRingIcon(COLOR_ICON)));
  writeFileSync(`${appPackageDir}/outline.png`, encodePng(drawRingIcon(OUTLINE_ICON)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appPackageDir = fileURLToPath(new URL('../appPackage', import.meta.url));
  writeIcons(appPackageDir);
  console.log(`Wrote color.png and outline.png to ${appPackageDir}`);
}
