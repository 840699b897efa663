// Draws the toolbar icon (a magnifier over a renewal arc on the brand blue) at every size
// the manifests use, as PNG files under public/icon/. Re-run after changing the design:
// `node scripts/make-icons.mjs`. No dependencies: shapes are signed distance functions,
// antialiased over one pixel, and the PNG is written with node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [26, 86, 219];
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36];

const clamp01 = (v) => Math.min(1, Math.max(0, v));
const coverage = (distance, pixel) => clamp01(0.5 - distance / pixel);

function roundedSquare(x, y, radius) {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}
const ring = (x, y, cx, cy, r, width) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
function segment(x, y, ax, ay, bx, by, width) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp01((px * dx + py * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - t * dx, py - t * dy) - width / 2;
}
// The lower-right three quarters of a circle: the "renewal" arc inside the lens.
function arc(x, y, cx, cy, r, width) {
  const angle = Math.atan2(y - cy, x - cx);
  if (angle > -Math.PI / 2 && angle < Math.PI) return ring(x, y, cx, cy, r, width);
  const ends = [
    [cx + r, cy],
    [cx, cy - r],
  ].map(([ex, ey]) => Math.hypot(x - ex, y - ey) - width / 2);
  return Math.min(...ends);
}

function paint(size) {
  const pixel = 1 / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      let color = [0, 0, 0];
      const alpha = coverage(roundedSquare(x, y, 0.22), pixel);
      const layer = (rgb, a) => {
        color = color.map((c, k) => c * (1 - a) + rgb[k] * a);
      };
      layer(BLUE, 1);
      layer(WHITE, coverage(ring(x, y, 0.43, 0.43, 0.22, 0.09), pixel));
      layer(WHITE, coverage(segment(x, y, 0.6, 0.6, 0.8, 0.8, 0.12), pixel));
      if (size >= 32) layer(AMBER, coverage(arc(x, y, 0.43, 0.43, 0.1, 0.06), pixel));
      const o = (j * size + i) * 4;
      rgba[o] = Math.round(color[0]);
      rgba[o + 1] = Math.round(color[1]);
      rgba[o + 2] = Math.round(color[2]);
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++)
    rgba.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(`public/icon/${size}.png`, png(size, paint(size)));
  console.log(`public/icon/${size}.png`);
}
