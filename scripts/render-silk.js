// Renders the demo's silk film, demo/public/stories/silk.webm: a length of the Jardin square's
// fir-green silk twill moving in the light, its rose medallion under the story's hotspot
// (x 0.5, y 0.45), the top and bottom falling into shadow so that the white controls stay
// readable. Every frame is computed here and piped to ffmpeg as raw RGB; nothing is
// downloaded. Every motion has a whole number of cycles in the film, so it loops seamlessly.
//
//   node scripts/render-silk.js                     writes demo/public/stories/silk.webm
//   node scripts/render-silk.js --out film.webm     writes it elsewhere
//   node scripts/render-silk.js --still 0 a.png     writes one frame as a PNG (0 is the poster)
//
// Needs ffmpeg with libvpx-vp9 on the PATH.
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

const W = 720;
const H = 1280;
const FPS = 30;
const FRAMES = 7 * FPS;
const TAU = Math.PI * 2;

// The Jardin square, in the units of demo/public/products/carre-jardin.svg (a 214-unit square,
// its centre at 0,0), scaled up and centred on the hotspot.
const SCALE = 4.2;
const CX = W * 0.5;
const CY = H * 0.45;
const AA = 1.1 / SCALE; // about a pixel, for soft pattern edges

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const FIELD = hex('#1f4d3b');
const HEM = hex('#123427');
const BAND = hex('#b65a68');
const BAND_DOT = hex('#e7b3aa');
const GOLD = hex('#d8b566');
const DOT = hex('#e9c87e');
const PETAL = hex('#d98b8f');
const PETAL_EDGE = hex('#9c3f4e');
const PETAL_HEART = hex('#f2c6bd');
const LEAF = hex('#7fa77a');

// Folds: travelling waves [amplitude px, direction x, direction y, wavelength px, cycles per
// film, phase]. The cycles are whole numbers: frame FRAMES is frame 0 again.
const WAVES = [
  [36, 0.55, 0.83, 720, 1, 0.3],
  [24, 0.3, 0.95, 560, -1, 1.7],
  [9, 0.8, 0.6, 330, 2, 4.1],
  [3.5, 0.2, -0.98, 210, -2, 2.6],
].map(([a, dx, dy, len, cycles, phase]) => {
  const n = Math.hypot(dx, dy);
  const k = TAU / len;
  return { a, kx: (k * dx) / n, ky: (k * dy) / n, cycles, phase };
});

const clamp = (v, lo = 0, hi = 1) => (v < lo ? lo : v > hi ? hi : v);
const smooth = (e0, e1, v) => {
  const t = clamp((v - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};
// Coverage of a shape whose signed distance (negative inside) is d.
const cover = (d) => clamp(0.5 - d / AA);
const over = (c, col, a) => {
  c[0] += (col[0] - c[0]) * a;
  c[1] += (col[1] - c[1]) * a;
  c[2] += (col[2] - c[2]) * a;
};

// The print at a point of the square (units of the product drawing), into c.
function print(p, q, c) {
  const m = Math.max(Math.abs(p), Math.abs(q));
  c[0] = FIELD[0];
  c[1] = FIELD[1];
  c[2] = FIELD[2];
  if (m > 80) {
    over(c, GOLD, cover(Math.abs(m - 91) - 0.75));
    over(c, BAND, cover(Math.abs(m - 101) - 5.5));
    // the band's dotted line: dots every 6 units along it
    const along = Math.abs(p) > Math.abs(q) ? q : p;
    const dd = Math.hypot(m - 101, ((((along % 6) + 9) % 6) - 3) * 1);
    over(c, BAND_DOT, cover(dd - 0.9));
    over(c, HEM, cover(106.5 - m));
    return;
  }
  // corner rosettes
  const rp = Math.abs(p) - 77;
  const rq = Math.abs(q) - 77;
  const rc = Math.hypot(rp, rq);
  if (rc < 20) {
    const la = Math.atan2(rq, rp);
    const leaf = Math.abs(Math.sin(2 * (la - Math.PI / 4))) < 0.35 && rc < 17 ? 1 : 0;
    over(c, LEAF, leaf * cover(rc - 17) * cover(9 - rc));
    over(c, PETAL_EDGE, cover(rc - 9.6));
    over(c, PETAL, cover(rc - 8.4));
    over(c, PETAL_HEART, cover(rc - 4));
    return;
  }
  const r = Math.hypot(p, q);
  if (r > 80) return;
  const a = Math.atan2(p, -q); // 0 points up, as the petals of the drawing do
  over(c, GOLD, cover(Math.abs(r - 74) - 0.8));
  // the ring of 24 dots
  const sd = TAU / 24;
  const ad = (((a % sd) + sd * 1.5) % sd) - sd / 2;
  over(c, DOT, cover(Math.hypot(r - 66, r * Math.sin(ad)) - 2.2));
  // the dashed ring
  const dash = Math.sin(a * 54) > 0 ? 1 : 0;
  over(c, DOT, dash * cover(Math.abs(r - 52) - 0.4));
  // leaves between the petals, then the petals
  const s8 = TAU / 8;
  const al = ((((a - s8 / 2) % s8) + s8 * 1.5) % s8) - s8 / 2;
  if (r > 30 && r < 56) {
    const w = 6 * Math.sin((Math.PI * (r - 30)) / 26);
    over(c, LEAF, cover(Math.abs(r * Math.sin(al)) - w));
  }
  const ap = (((a % s8) + s8 * 1.5) % s8) - s8 / 2;
  if (r > 7 && r < 43) {
    const w = 11 * Math.pow(Math.sin((Math.PI * (r - 8)) / 34), 0.55) || 0;
    const d = Math.abs(r * Math.sin(ap)) - w;
    over(c, PETAL_EDGE, cover(d - 0.6) * cover(Math.max(8 - r, r - 42.6)));
    over(c, PETAL, cover(d + 0.6) * cover(Math.max(8.6 - r, r - 42)));
  }
  over(c, GOLD, cover(r - 9));
  over(c, PETAL_EDGE, cover(r - 4));
}

function renderFrame(f, out) {
  const t = (TAU * f) / FRAMES;
  // the light drifts a little, and comes back
  let lx = -0.45 + 0.08 * Math.sin(t);
  let ly = -0.62 + 0.05 * Math.cos(t);
  let lz = 0.62;
  const ln = Math.hypot(lx, ly, lz);
  lx /= ln;
  ly /= ln;
  lz /= ln;
  let hx = lx;
  let hy = ly;
  let hz = lz + 1;
  const hn = Math.hypot(hx, hy, hz);
  hx /= hn;
  hy /= hn;
  hz /= hn;
  const phases = WAVES.map((w) => w.phase - w.cycles * t);
  const c = [0, 0, 0];
  let o = 0;
  for (let y = 0; y < H; y++) {
    const v = y / (H - 1);
    const shade = 0.04 + 0.96 * smooth(0.0, 0.28, v) * smooth(1.0, 0.7, v);
    for (let x = 0; x < W; x++) {
      let h = 0;
      let gx = 0;
      let gy = 0;
      for (let i = 0; i < WAVES.length; i++) {
        const w = WAVES[i];
        const arg = w.kx * x + w.ky * y + phases[i];
        const s = Math.sin(arg);
        const k = w.a * Math.cos(arg);
        h += w.a * s;
        gx += k * w.kx;
        gy += k * w.ky;
      }
      // surface normal
      let nx = -1.5 * gx;
      let ny = -1.5 * gy;
      const nn = Math.hypot(nx, ny, 1);
      nx /= nn;
      ny /= nn;
      const nz = 1 / nn;
      // the print follows the cloth across its folds
      const sx = x + 0.55 * h;
      const sy = y + 0.25 * h;
      print((sx - CX) / SCALE, (sy - CY) / SCALE, c);
      // twill: fine diagonal ribs, moving with the cloth
      const rib = 1 + 0.035 * Math.sin(((sx - sy) * TAU) / 5);
      const diffuse = Math.max(0, nx * lx + ny * ly + nz * lz);
      const ndh = Math.max(0, nx * hx + ny * hy + nz * hz);
      // silk's sheen runs across the threads (here the twill diagonal)
      let tx = 0.7071;
      let ty = -0.7071;
      let tz = 0;
      const tn = tx * nx + ty * ny;
      tx -= tn * nx;
      ty -= tn * ny;
      tz -= tn * nz;
      const tl = Math.hypot(tx, ty, tz);
      const th = (tx * hx + ty * hy + tz * hz) / tl;
      const aniso = Math.pow(Math.max(0, 1 - th * th), 24);
      const spec = 0.42 * Math.pow(ndh, 16) + 0.3 * aniso;
      const side = 0.82 + 0.18 * Math.sin((Math.PI * x) / (W - 1));
      const light = (0.1 + 1.05 * Math.pow(diffuse, 1.6)) * rib * side;
      for (let k = 0; k < 3; k++) {
        const base = c[k];
        const sheen = base + (1 - base) * 0.3;
        const value = (base * light + sheen * spec * 0.9) * shade;
        out[o++] = Math.round(255 * Math.pow(clamp(value / (1 + 0.15 * value)), 0.95));
      }
    }
  }
}

function args(argv) {
  const opts = {
    out: fileURLToPath(new URL('../demo/public/stories/silk.webm', import.meta.url)),
    still: null,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') opts.out = argv[++i];
    else if (argv[i] === '--still') {
      opts.still = Number(argv[++i]);
      opts.out = argv[++i];
    } else throw new Error(`Unknown argument: ${argv[i]}`);
  }
  return opts;
}

async function main() {
  const opts = args(process.argv.slice(2));
  const input = ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${W}x${H}`, '-r', String(FPS)];
  const encode =
    opts.still === null
      ? [
          ...['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-b:v', '520k', '-crf', '34'],
          ...['-deadline', 'good', '-cpu-used', '2', '-row-mt', '1', '-g', String(FRAMES)],
          ...['-an', '-metadata', 'title=', opts.out],
        ]
      : ['-frames:v', '1', opts.out];
  const ffmpeg = spawn('ffmpeg', ['-y', '-v', 'error', ...input, '-i', '-', ...encode], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const done = new Promise((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`)),
    );
  });
  const frames = opts.still === null ? [...Array(FRAMES).keys()] : [opts.still];
  for (const f of frames) {
    const buffer = Buffer.alloc(W * H * 3);
    renderFrame(f, buffer);
    if (!ffmpeg.stdin.write(buffer)) {
      await new Promise((resolve) => ffmpeg.stdin.once('drain', resolve));
    }
    if (f % 30 === 29) console.log(`frame ${f + 1} of ${FRAMES}`);
  }
  ffmpeg.stdin.end();
  await done;
  console.log(`wrote ${opts.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
