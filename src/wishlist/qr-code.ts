import { svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * Draws `text` as a QR code, one SVG path of dark modules. Returns `undefined` when the
 * text is too long for any QR version, so the caller can say so.
 */
export function qrCode(text: string, label: string): SVGTemplateResult | undefined {
  let modules: boolean[][];
  try {
    modules = encode(text, { ecc: 'M', border: 2 }).data;
  } catch {
    return undefined;
  }
  let d = '';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const size = modules.length;
  return svg`<svg part="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}"
    shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d=${d} fill="#000"/></svg>`;
}
