// Writes resources/build/icon.png: a 512x512 emblem (white warning triangle with a red "!" on a red rounded
// square), drawn with signed-distance shapes and 4x4 supersampling, encoded with zlib only. Deliberately not
// a red cross: that emblem is protected by law. Run: node scripts/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

function roundedBox(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay));
}

function triangle(x, y, points, radius) {
  const distance = Math.min(...points.map((p, i) => segmentDistance(x, y, p, points[(i + 1) % 3])));
  const cross = (a, b) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  const signs = points.map((p, i) => Math.sign(cross(p, points[(i + 1) % 3])));
  const inside = signs.every((s) => s >= 0) || signs.every((s) => s <= 0);
  return (inside ? -distance : distance) - radius;
}

const warning = [
  [256, 128],
  [124, 372],
  [388, 372],
];

function colourAt(x, y) {
  if (roundedBox(x, y, 256, 256, 240, 240, 96) > 0) return null;
  const isMark = roundedBox(x, y, 256, 248, 15, 62, 15) <= 0 || Math.hypot(x - 256, y - 340) <= 17;
  if (isMark) return RED;
  return triangle(x, y, warning, 24) <= 0 ? WHITE : RED;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) {
  const row = y * (SIZE * 4 + 1);
  for (let x = 0; x < SIZE; x += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (colour) {
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
    }
    const offset = row + 1 + x * 4;
    const covered = sum[3];
    raw[offset] = covered ? Math.round(sum[0] / covered) : 0;
    raw[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
    raw[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
    raw[offset + 3] = Math.round((covered / SAMPLES ** 2) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/build/icon.png', import.meta.url), png);
console.log(`resources/build/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
