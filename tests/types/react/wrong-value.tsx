// A value the attribute does not accept: `mode` is popup or redirect.
export const Wrong = () => <vitrine-login mode="window" />;
