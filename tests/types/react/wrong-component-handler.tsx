// A component event handler that wants the wrong detail.
import { Vote, type LoginDetail } from 'vitrine/react';

const onLogin = (event: CustomEvent<LoginDetail>) => event.detail.user;
export const Wrong = () => <Vote campaign="next-icon" onVote={onLogin} />;
