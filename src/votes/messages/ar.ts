import type { VotesCatalog } from './en.js';

/** Modern Standard Arabic, in a refined register. */
export const ar: VotesCatalog = {
  'vote.button': 'تصويت',
  'vote.label': 'تصويت لـ{name}',
  'vote.unnamed': 'هذه القطعة',
  'vote.count':
    '{count, plural, =0 {لا أصوات بعد} one {صوت واحد} two {صوتان} few {# أصوات} many {# صوتًا} other {# صوت}}',
  'vote.signIn': 'سجّل الدخول للتصويت',
  'vote.closed': 'أُغلق باب التصويت',
  'vote.youVoted': 'تم احتساب صوتك',
  'vote.loading': 'جارٍ تحميل الأصوات…',
  'vote.unavailable': 'التصويت غير متاح حاليًا.',
  'vote.error.network': 'تعذّر إرسال صوتك. يُرجى التحقق من اتصالك ثم المحاولة مجددًا.',
  'vote.error.closed': 'أُغلق باب التصويت، لذا لم يُحتسب صوتك.',
  'vote.error.rate_limited': 'أصوات كثيرة في وقت واحد. يُرجى المحاولة بعد لحظات.',
  'vote.error.unauthorized': 'انتهت صلاحية تسجيل دخولك. يُرجى تسجيل الدخول مجددًا للتصويت.',
  'vote.error.not_found': 'هذه القطعة ليست ضمن التصويت.',
  'vote.error.failed': 'تعذّر حفظ صوتك. يُرجى المحاولة مجددًا.',
  'leaderboard.label': 'تصويت المعجبين',
  'leaderboard.goal': '{count} من {goal}',
  'leaderboard.goalReached': 'تحقّق الهدف',
  'leaderboard.leads': '{name} في الصدارة بـ{votes}.',
  'leaderboard.closed': 'أُغلق باب التصويت.',
  'leaderboard.winner': 'الفوز لـ{name} بـ{votes}.',
  'leaderboard.closesOn': 'يُغلق باب التصويت في {date}.',
  'leaderboard.countsHidden': 'تُكشف النتائج عند إغلاق باب التصويت.',
  'leaderboard.reconnecting': 'توقّفت التحديثات المباشرة مؤقتًا. جارٍ إعادة الاتصال…',
  'leaderboard.unavailable': 'يتعذّر عرض التصويت حاليًا.',
  'leaderboard.empty': 'لا شيء للتصويت عليه بعد.',
};
