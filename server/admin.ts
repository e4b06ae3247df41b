/**
 * The back office: routes under `/admin/` for the house's own teams, behind one token
 * (`adminToken`), and what they answer. No personal data ever leaves through them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { isClosed, type Campaign } from './campaigns.js';
import { HttpError, badRequest, sendJson } from './http.js';
import type { ProductCount } from './storage.js';

/** The shortest admin token accepted: shorter ones are guessed. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * A check of `Authorization: Bearer <token>` against the configured token. Both sides are
 * hashed first, so the comparison takes the same time whatever the header's length or how
 * much of it is right.
 */
export function adminCheck(token: string): (authorization: string | undefined) => void {
  const expected = digest(token);
  return (authorization) => {
    const sent = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(sent), expected)) {
      throw new HttpError(
        401,
        'unauthorized',
        'Send "Authorization: Bearer <admin token>" with the server\'s admin token.',
        { 'www-authenticate': 'Bearer realm="vitrine-admin"' },
      );
    }
  };
}

/** A spreadsheet must not read a cell as a formula (`=`, `+`, `-`, `@` start one). */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `GET /admin/campaigns/:id/export?format=csv|json`: the count of each product, nothing else. */
export function sendCampaignExport(
  res: ServerResponse,
  campaign: Campaign,
  rows: readonly ProductCount[],
  query: string,
  now = Date.now(),
): void {
  const params = new URLSearchParams(query);
  const formats = params.getAll('format');
  const format = formats[0] ?? 'json';
  if (formats.length > 1 || (format !== 'json' && format !== 'csv')) {
    throw badRequest('"format" must be csv or json.');
  }
  const counts = new Map(rows.map((row) => [row.productId, row.count]));
  const products = campaign.products.map((productId) => ({
    productId,
    count: counts.get(productId) ?? 0,
  }));
  const exportedAt = new Date(now).toISOString();
  if (format === 'json') {
    sendJson(res, 200, {
      id: campaign.id,
      title: campaign.title,
      ...(campaign.goal !== undefined && { goal: campaign.goal }),
      ...(campaign.closesAt !== undefined && {
        closesAt: new Date(campaign.closesAt).toISOString(),
      }),
      closed: isClosed(campaign, now),
      exportedAt,
      total: products.reduce((sum, product) => sum + product.count, 0),
      products,
    });
    return;
  }
  const lines = [
    'campaign,productId,count',
    ...products.map((product) =>
      [campaign.id, product.productId, product.count].map(csvCell).join(','),
    ),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
  res.setHeader(
    'content-disposition',
    `attachment; filename="${campaign.id.replace(/[^A-Za-z0-9._-]/g, '_')}-votes.csv"`,
  );
  res.setHeader('content-length', Buffer.byteLength(text));
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(text);
}
