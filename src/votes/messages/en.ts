/** English messages of `<vitrine-vote>` and `<vitrine-leaderboard>` . */
export const en = {
  'vote.button': 'Vote',
  'vote.label': 'Vote for {name}',
  'vote.unnamed': 'this piece',
  'vote.count': '{count, plural, =0 {No votes yet} one {# vote} other {# votes}}',
  'vote.signIn': 'Sign in to vote',
  'vote.closed': 'Voting has closed',
  'vote.youVoted': 'You voted for it',
  'vote.loading': 'Loading votes…',
  'vote.unavailable': 'Voting is unavailable right now.',
  'vote.error.network': 'Your vote could not be sent. Check your connection and try again.',
  'vote.error.closed': 'Voting has closed, so your vote was not counted.',
  'vote.error.rate_limited': 'Too many votes at once. Please try again in a moment.',
  'vote.error.unauthorized': 'Your sign-in has expired. Sign in again to vote.',
  'vote.error.not_found': 'This piece is not part of the vote.',
  'vote.error.failed': 'Your vote could not be saved. Please try again.',
  'leaderboard.label': 'Fan vote',
  'leaderboard.goal': '{count} of {goal}',
  'leaderboard.goalReached': 'Goal reached',
  'leaderboard.leads': '{name} leads with {votes}.',
  'leaderboard.closed': 'Voting has closed.',
  'leaderboard.winner': '{name} won with {votes}.',
  'leaderboard.closesOn': 'Voting closes on {date}.',
  'leaderboard.countsHidden': 'Counts are revealed when voting closes.',
  'leaderboard.reconnecting': 'Live updates paused. Reconnecting…',
  'leaderboard.unavailable': 'The vote cannot be shown right now.',
  'leaderboard.empty': 'Nothing to vote for yet.',
} as const;

/** Every message of the votes family, in one locale. */
export type VotesCatalog = Record<keyof typeof en, string>;

declare module '../../core/i18n/index.js' {
  interface VitrineMessages extends VotesCatalog {}
}
