import type { VotesCatalog } from './en.js';

/** Korean, in the formal polite register of a maison's boutique. */
export const ko: VotesCatalog = {
  'vote.button': '투표하기',
  'vote.label': '{name}에 투표하기',
  'vote.unnamed': '이 제품',
  'vote.count': '{count, plural, =0 {아직 투표가 없습니다} other {#표}}',
  'vote.signIn': '로그인 후 투표하기',
  'vote.closed': '투표가 마감되었습니다',
  'vote.youVoted': '투표하셨습니다',
  'vote.loading': '투표를 불러오는 중입니다…',
  'vote.unavailable': '지금은 투표를 이용하실 수 없습니다.',
  'vote.error.network':
    '투표를 보내지 못했습니다. 네트워크 연결을 확인하신 후 다시 시도해 주십시오.',
  'vote.error.closed': '투표가 마감되어 고객님의 투표는 반영되지 않았습니다.',
  'vote.error.rate_limited': '짧은 시간에 투표가 너무 많았습니다. 잠시 후 다시 시도해 주십시오.',
  'vote.error.unauthorized': '로그인이 만료되었습니다. 다시 로그인하신 후 투표해 주십시오.',
  'vote.error.not_found': '이 제품은 투표 대상이 아닙니다.',
  'vote.error.failed': '투표를 저장하지 못했습니다. 다시 시도해 주십시오.',
  'leaderboard.label': '팬 투표',
  'leaderboard.goal': '{count} / {goal}',
  'leaderboard.goalReached': '목표 달성',
  'leaderboard.leads': '{name}, {votes}로 선두입니다.',
  'leaderboard.closed': '투표가 마감되었습니다.',
  'leaderboard.winner': '{name}, {votes}로 선정되었습니다.',
  'leaderboard.closesOn': '투표는 {date}에 마감됩니다.',
  'leaderboard.countsHidden': '득표수는 투표 마감 후 공개됩니다.',
  'leaderboard.reconnecting': '실시간 업데이트가 일시 중지되었습니다. 다시 연결하는 중입니다…',
  'leaderboard.unavailable': '지금은 투표를 표시할 수 없습니다.',
  'leaderboard.empty': '아직 투표할 제품이 없습니다.',
};
