/**
 * How a hotspot learns the `campaign` of the `<vitrine-stories>` around it: it asks as it
 * connects, with an event that bubbles up the light DOM, and the stories answer by setting
 * `storiesCampaign`, as they do again whenever their `campaign` changes.
 */
export const CAMPAIGN_REQUEST = 'vitrine-stories-campaign-request';

export function requestCampaign(hotspot: HTMLElement): void {
  hotspot.dispatchEvent(new Event(CAMPAIGN_REQUEST, { bubbles: true }));
}
