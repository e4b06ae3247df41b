import type { VotesCatalog } from './en.js';

/** Japanese, in the keigo of a maison's boutique. */
export const ja: VotesCatalog = {
  'vote.button': '投票する',
  'vote.label': '{name}に投票する',
  'vote.unnamed': 'こちらのアイテム',
  'vote.count': '{count, plural, =0 {まだ投票はございません} other {# 票}}',
  'vote.signIn': 'ログインして投票する',
  'vote.closed': '投票は締め切りました',
  'vote.youVoted': '投票済みです',
  'vote.loading': '投票を読み込んでおります…',
  'vote.unavailable': 'ただいま投票をご利用いただけません。',
  'vote.error.network': '投票を送信できませんでした。通信環境をご確認のうえ、再度お試しください。',
  'vote.error.closed': '投票は締め切られたため、今回の投票は反映されておりません。',
  'vote.error.rate_limited':
    '短時間に多くの投票がございました。恐れ入りますが、少し時間をおいてお試しください。',
  'vote.error.unauthorized':
    'ログインの有効期限が切れております。再度ログインのうえ、投票してください。',
  'vote.error.not_found': 'こちらのアイテムは投票の対象ではございません。',
  'vote.error.failed': '投票を保存できませんでした。恐れ入りますが、再度お試しください。',
  'leaderboard.label': 'ファン投票',
  'leaderboard.goal': '{count} / {goal}',
  'leaderboard.goalReached': '目標達成',
  'leaderboard.leads': '{name}が{votes}でリードしております。',
  'leaderboard.closed': '投票は締め切りました。',
  'leaderboard.winner': '{name}が{votes}で選ばれました。',
  'leaderboard.closesOn': '投票の締め切りは{date}です。',
  'leaderboard.countsHidden': '得票数は投票締め切り後に発表いたします。',
  'leaderboard.reconnecting': 'ライブ更新を一時停止しております。再接続中…',
  'leaderboard.unavailable': 'ただいま投票を表示できません。',
  'leaderboard.empty': '投票対象のアイテムはまだございません。',
};
